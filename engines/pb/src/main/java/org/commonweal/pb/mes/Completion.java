package org.commonweal.pb.mes;

/**
 * What MES does with money it leaves unspent.
 * NONE: plain MES. ADD1: raise every voter's money by one currency unit and rerun while the outcome still
 * fits in the real budget, stopping at the first exhaustive outcome (equalshares.net default; pabutools
 * voter_budget_increment=1). ADD1_MAX: keep raising past exhaustiveness up to the last increment whose
 * outcome still fits (the variant behind Wieliczka 2023's official result). ADD1U: ADD1, then fill the
 * rest greedily by votes. GREEDY: plain MES, then fill the rest greedily by votes (pabutools' completion of MES
 * by a greedy rule). The add1 completions raise the money by the rule's increment (one currency unit unless set).
 */
public enum Completion {
    NONE(""), ADD1("add1"), ADD1_MAX("add1-max"), ADD1U("add1u"), GREEDY("greedy");

    private final String cliName;

    Completion(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }
}
