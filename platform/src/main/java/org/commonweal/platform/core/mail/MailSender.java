package org.commonweal.platform.core.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.commonweal.platform.core.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/**
 * Drains the outbox over SMTP (a background job calls it every few seconds, on one instance at a time); a failure is
 * recorded on the mail and retried later. Stored header
 * fields are checked again before they go on the message, so a bad one fails that mail instead of reaching the wire.
 */
public final class MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private final Outbox outbox;
    private final Session session;
    private final String from;

    public MailSender(Outbox outbox, Config.Smtp smtp) {
        this.outbox = outbox;
        this.from = smtp.from();
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        p.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        boolean auth = !smtp.username().isEmpty();
        p.put("mail.smtp.auth", String.valueOf(auth));
        this.session = auth ? Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(smtp.username(), smtp.password());
            }
        }) : Session.getInstance(p);
    }

    /** Sends what is waiting; returns how many went out. */
    public int sendPending() {
        int sent = 0;
        for (Outbox.Mail mail : outbox.unsent(50)) {
            try {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress(from));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient()));
                m.setSubject(mail.subject(), "UTF-8");
                m.setText(mail.body(), "UTF-8");
                for (var h : MailHeaders.check(mail.headers()).entrySet()) m.setHeader(h.getKey(), h.getValue());
                Transport.send(m);
                outbox.markSent(mail.id());
                sent++;
            } catch (Exception e) {
                LOG.warn("mail {} to {} failed: {}", mail.id(), mail.recipient(), e.getMessage());
                outbox.markFailed(mail.id(), e.getMessage());
            }
        }
        return sent;
    }
}
