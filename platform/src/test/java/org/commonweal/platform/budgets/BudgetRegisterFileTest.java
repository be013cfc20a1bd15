package org.commonweal.platform.budgets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetRegisterFileTest {
    @Test
    void aHeaderAByteOrderMarkWindowsLineEndsAndAFinalNewlineAreAccepted() {
        RegisterFile.Parsed p = RegisterFile.parse("\uFEFFIdentifier\r\nab 12\r\nCD-34\r\n");
        assertThat(p.problems()).isEmpty();
        assertThat(p.identifiers()).containsExactly("AB12", "CD-34");
    }

    @Test
    void everyProblemIsReportedWithItsLineAndNoIdentifiersAreReturned() {
        RegisterFile.Parsed p = RegisterFile.parse("A1\n\nB2\nb 2\n" + "x".repeat(65) + "\nC\u00073\n");
        assertThat(p.identifiers()).isEmpty();
        assertThat(p.problems()).containsExactly(new RegisterFile.Problem(2, "budgets.register.error.empty", 0),
                new RegisterFile.Problem(4, "budgets.register.error.duplicate", 3), new RegisterFile.Problem(5, "budgets.register.error.tooLong", 0),
                new RegisterFile.Problem(6, "budgets.register.error.characters", 0));
    }

    @Test
    void aFileWithoutIdentifiersIsAProblem() {
        assertThat(RegisterFile.parse("identifier\n").problems()).extracting(RegisterFile.Problem::key).containsExactly("budgets.register.error.noIdentifiers");
        assertThat(RegisterFile.parse("").problems()).hasSize(1);
    }
}
