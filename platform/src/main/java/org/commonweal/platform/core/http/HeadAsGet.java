package org.commonweal.platform.core.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;

/**
 * HEAD is GET without the body (RFC 9110, 9.3.2). Javalin answers a HEAD on a GET route with an empty 200 without
 * running the route, so a health check by HEAD never saw a failing database, a feed said text/plain, and a page that
 * does not exist said 200. Every route therefore sees a HEAD as the GET it is; Jetty still sends no body, because the
 * exchange itself stays HEAD.
 */
public final class HeadAsGet implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && "HEAD".equals(http.getMethod())) {
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getMethod() {
                    return "GET";
                }
            }, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
