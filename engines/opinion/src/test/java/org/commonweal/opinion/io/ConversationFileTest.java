package org.commonweal.opinion.io;

import org.commonweal.opinion.Vote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationFileTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsTheOpenDataLayout() throws Exception {
        write("comments.csv", "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
                + "1,x,0,5,1,0,1,\"Buses, not cars\"\n1,x,1,5,0,1,-1,\"A \"\"quoted\"\"\nline\"\n");
        write("votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n3,x,0,7,1\n2,x,0,7,-1\n1,x,1,8,0\n");
        write("summary.csv", "topic,Our buses, our town\nviews,3\n");
        ConversationFile f = ConversationFile.read(dir);
        assertThat(f.topic()).isEqualTo("Our buses, our town");
        assertThat(f.statements().get(1L).text()).isEqualTo("A \"quoted\"\nline");
        assertThat(f.statements().get(1L).moderatedOut()).isTrue();
        assertThat(f.matrix().vote(7, 0)).as("the later vote wins").isEqualTo(Vote.AGREE);
        assertThat(f.matrix().isModeratedOut(1)).isTrue();
    }

    @Test
    void aBadVoteNamesFileLineAndField() throws Exception {
        write("comments.csv", "comment-id,moderated,comment-body\n0,1,Hello\n");
        write("votes.csv", "timestamp,comment-id,voter-id,vote\n1,0,7,1\n2,0,8,yes\n");
        assertThatThrownBy(() -> ConversationFile.read(dir)).isInstanceOf(OpinionFormatException.class)
                .hasMessage("votes.csv line 3, field vote: should be a whole number, not \"yes\"");
        write("votes.csv", "timestamp,comment-id,voter-id,vote\n1,0,7,2\n");
        assertThatThrownBy(() -> ConversationFile.read(dir)).hasMessage("votes.csv line 2, field vote: is 2; a vote is 1, -1 or 0");
        write("votes.csv", "timestamp,comment-id,voter-id,vote\n1,4,7,1\n");
        assertThatThrownBy(() -> ConversationFile.read(dir)).hasMessage("votes.csv line 2, field comment-id: comment 4 is not in comments.csv");
        write("votes.csv", "timestamp,comment-id,voter\n1,0,7\n");
        assertThatThrownBy(() -> ConversationFile.read(dir)).hasMessage("votes.csv line 1, field voter-id: the header has no such column");
        write("votes.csv", "timestamp,comment-id,voter-id,vote\n1,0,7\n");
        assertThatThrownBy(() -> ConversationFile.read(dir)).hasMessage("votes.csv line 2: has 3 fields where the header has 4");
        write("comments.csv", "comment-id,moderated,comment-body\n0,1,\"never closed\n");
        assertThatThrownBy(() -> ConversationFile.read(dir)).hasMessage("comments.csv line 3: is not valid CSV (Missing closing quote for value)");
    }

    @Test
    void readsAPolisExportTakingTheSignFromTheCommentCounts() throws Exception {
        write("conversation.json", "{\"topic\": \"Trees\", \"description\": \"Where to plant\"}");
        write("comments.json", "[{\"tid\": 0, \"pid\": 1, \"txt\": \"More trees\", \"mod\": 1, \"is_meta\": false, \"agree_count\": 2, \"disagree_count\": 1},\n"
                + " {\"tid\": 1, \"pid\": 1, \"txt\": \"I live north\", \"mod\": 0, \"is_meta\": true}]");
        // Polis's database sign: agree = -1
        write("votes.json", "[{\"pid\": 1, \"tid\": 0, \"vote\": -1, \"modified\": 10},\n {\"pid\": 2, \"tid\": 0, \"vote\": -1, \"modified\": 11},\n"
                + " {\"pid\": 3, \"tid\": 0, \"vote\": 1, \"modified\": \"12\"},\n {\"pid\": 3, \"tid\": 1, \"vote\": 0, \"modified\": 12}]");
        ConversationFile f = ConversationFile.read(dir);
        assertThat(f.topic()).isEqualTo("Trees");
        assertThat(f.description()).isEqualTo("Where to plant");
        assertThat(f.matrix().vote(1, 0)).isEqualTo(Vote.AGREE);
        assertThat(f.matrix().vote(3, 0)).isEqualTo(Vote.DISAGREE);
        assertThat(f.matrix().isMeta(1)).isTrue();
        assertThat(f.statements().get(0L).authorId()).isEqualTo(1);
    }

    @Test
    void malformedJsonNamesFileAndLine() throws Exception {
        write("comments.json", "[{\"tid\": 0, \"txt\": \"A\"}]");
        write("votes.json", "[{\"pid\": 1, \"tid\": 0, \"vote\": 1},\n {\"pid\": 1, \"tid\": 0, \"vote\": 1,,}]");
        assertThatThrownBy(() -> ConversationFile.read(dir)).isInstanceOf(OpinionFormatException.class)
                .hasMessageStartingWith("votes.json line 2: is not valid JSON");
        write("votes.json", "[{\"pid\": 1, \"tid\": 0, \"vote\": 1},\n {\"pid\": 1.5, \"tid\": 0, \"vote\": 1}]");
        assertThatThrownBy(() -> ConversationFile.read(dir)).hasMessage("votes.json line 2, field pid: should be a whole number, not 1.5");
        write("votes.json", "[{\"pid\": 1, \"vote\": 1}]");
        assertThatThrownBy(() -> ConversationFile.read(dir)).hasMessage("votes.json line 1, field tid: is missing");
        Files.delete(dir.resolve("votes.json"));
        Files.delete(dir.resolve("comments.json"));
        assertThatThrownBy(() -> ConversationFile.read(dir)).hasMessageContaining("holds neither votes.json");
    }
}
