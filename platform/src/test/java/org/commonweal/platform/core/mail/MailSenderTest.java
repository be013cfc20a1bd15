package org.commonweal.platform.core.mail;

import org.commonweal.platform.core.Config;
import org.commonweal.platform.core.db.Database;
import org.commonweal.platform.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSenderTest {
    Database db;

    @BeforeEach
    void start() {
        db = TestDatabases.fresh();
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    /** Just enough of RFC 5321 to accept mail and remember what it was sent. */
    static final class FakeSmtpServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0);
        final List<String> received = new CopyOnWriteArrayList<>();
        final Thread thread = Thread.ofVirtual().start(this::serve);

        FakeSmtpServer() throws java.io.IOException {
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                     PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                    out.print("220 fake ESMTP\r\n");
                    out.flush();
                    StringBuilder data = null;
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (data != null) {
                            if (line.equals(".")) {
                                received.add(data.toString());
                                data = null;
                                out.print("250 queued\r\n");
                            } else {
                                data.append(line).append('\n');
                                continue;
                            }
                        } else if (line.startsWith("EHLO") || line.startsWith("HELO")) {
                            out.print("250 fake\r\n");
                        } else if (line.equals("DATA")) {
                            data = new StringBuilder();
                            out.print("354 go ahead\r\n");
                        } else if (line.equals("QUIT")) {
                            out.print("221 bye\r\n");
                            out.flush();
                            break;
                        } else {
                            out.print("250 ok\r\n");
                        }
                        out.flush();
                    }
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @Test
    void withSmtpSettingsQueuedMailIsDeliveredAndMarkedSent() throws Exception {
        Outbox outbox = new Outbox(db.jdbi());
        db.jdbi().useHandle(h -> outbox.enqueue(h, "resident@example.org", "Confirm your email address", "Open this link: http://x/confirm/abc"));
        try (FakeSmtpServer smtp = new FakeSmtpServer()) {
            MailSender sender = new MailSender(outbox, new Config.Smtp("localhost", smtp.socket.getLocalPort(), "", "", "council@example.org", false));
            assertThat(sender.sendPending()).isEqualTo(1);
            assertThat(smtp.received).hasSize(1);
            assertThat(smtp.received.get(0)).contains("To: resident@example.org").contains("Subject: Confirm your email address")
                    .contains("Open this link: http://x/confirm/abc");
            assertThat(sender.sendPending()).as("sent mail is not sent twice").isZero();
        }
        assertThat(outbox.recent(10).get(0).sentAt()).isNotNull();
        assertThat(outbox.recent(10).get(0).body()).as("a delivered mail's one-time link is not kept").isEmpty();
    }

    @Test
    void storedHeaderFieldsGoOnTheMessage() throws Exception {
        Outbox outbox = new Outbox(db.jdbi());
        db.jdbi().useHandle(h -> outbox.enqueue(h, "follower@example.org", "News", "Body", Map.of(
                "List-Unsubscribe", "<https://council.example/unsubscribe?account=7&event=phases&token=ab12>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
        assertThat(outbox.recent(1).get(0).headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        try (FakeSmtpServer smtp = new FakeSmtpServer()) {
            MailSender sender = new MailSender(outbox, new Config.Smtp("localhost", smtp.socket.getLocalPort(), "", "", "council@example.org", false));
            assertThat(sender.sendPending()).isEqualTo(1);
            assertThat(smtp.received.get(0))
                    .contains("List-Unsubscribe: <https://council.example/unsubscribe?account=7&event=phases&token=ab12>\n")
                    .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\n");
        }
    }

    @Test
    void aHeaderValueWithCrOrLfIsRefusedAndNothingIsQueued() {
        Outbox outbox = new Outbox(db.jdbi());
        for (String injected : List.of("<https://x/u>\r\nBcc: everyone@example.org", "<https://x/u>\nBcc: everyone@example.org", "a\rb")) {
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> outbox.enqueue(h, "a@example.org", "S", "B", Map.of("List-Unsubscribe", injected))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR or LF");
        }
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> outbox.enqueue(h, "a@example.org", "S", "B", Map.of("Bcc", "everyone@example.org"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> outbox.enqueue(h, "a@example.org", "S", "B", Map.of("X-Bad: name", "v"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> outbox.enqueueSelected(h,
                "SELECT 'a@example.org', 'S', 'B', jsonb_build_object('List-Unsubscribe', :v)", Map.of("v", "<https://x/u>\r\nBcc: e@example.org"))))
                .as("the table refuses it on the bulk path too").hasMessageContaining("mail_outbox_headers_one_line");
        assertThat(outbox.recent(10)).isEmpty();
    }

    @Test
    void aFailedDeliveryIsRecordedAndRetriedLater() throws Exception {
        Outbox outbox = new Outbox(db.jdbi());
        db.jdbi().useHandle(h -> outbox.enqueue(h, "other@example.org", "Subject", "Body"));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        MailSender sender = new MailSender(outbox, new Config.Smtp("localhost", closedPort, "", "", "council@example.org", false));
        sender.sendPending();
        Outbox.Mail mail = outbox.recent(10).stream().filter(m -> m.recipient().equals("other@example.org")).findFirst().orElseThrow();
        assertThat(mail.sentAt()).isNull();
        assertThat(mail.attempts()).isEqualTo(1);
        assertThat(mail.lastError()).isNotBlank();
    }
}
