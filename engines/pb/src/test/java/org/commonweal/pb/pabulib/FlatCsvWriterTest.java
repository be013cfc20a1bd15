package org.commonweal.pb.pabulib;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class FlatCsvWriterTest {
    @Test
    void writesOneRowPerVoterAndBallotEntryAndOneForAProjectNobodyChose() throws Exception {
        var instance = PabulibReader.parse("""
                META
                key;value
                budget;10
                vote_type;cumulative
                PROJECTS
                project_id;cost;name
                a;4.5;"Trees, benches"
                b;5;Slide
                c;1;Unloved
                VOTES
                voter_id;vote;points;age
                1;b,a;2,3;30
                """, "flat.pb");
        StringWriter out = new StringWriter();
        FlatCsvWriter.write(instance, out);
        assertThat(out.toString().split("\r\n")).containsExactly(
                "voter_id,age,project_id,position,points,project_cost,project_name",
                "1,30,b,1,2,5,Slide",
                "1,30,a,2,3,4.5,\"Trees, benches\"",
                ",,c,,,1,Unloved");
    }
}
