package org.commonweal.platform.browser;

import com.microsoft.playwright.Page;

import java.util.List;

/**
 * Structure checks that axe-core leaves to judgement but GOV.UK pages always meet: one h1, headings
 * that never skip a level, a working skip link, one main landmark and a visible label on every field.
 */
final class PageStructure {
    private static final String CHECK = """
            () => {
              const problems = [];
              const h1s = document.querySelectorAll('h1');
              if (h1s.length !== 1) problems.push(`expected exactly one h1, found ${h1s.length}`);
              // Start at 1: GOV.UK puts the error summary's and notification banner's h2 above the page's h1.
              let previous = 1;
              for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
                const level = Number(h.tagName.substring(1));
                if (level > previous + 1) problems.push(`<${h.tagName.toLowerCase()}> "${h.textContent.trim()}" skips a level after h${previous}`);
                previous = level;
              }
              const skip = document.querySelector('a[href="#main-content"]');
              if (!skip) problems.push('no skip link to #main-content');
              else if (skip !== document.querySelector('a[href]')) problems.push('the skip link is not the first link on the page');
              if (!document.getElementById('main-content')) problems.push('the skip link target #main-content does not exist');
              const mains = document.querySelectorAll('main, [role=main]');
              if (mains.length !== 1) problems.push(`expected one main landmark, found ${mains.length}`);
              const fields = document.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea');
              for (const field of fields) {
                if (field.labels.length === 0) problems.push(`field ${field.outerHTML.substring(0, 100)} has no <label>`);
              }
              return problems;
            }""";

    private PageStructure() {
    }

    @SuppressWarnings("unchecked")
    static List<String> problems(Page page) {
        return (List<String>) page.evaluate(CHECK);
    }
}
