META
key;value
description;abcvoting tests/test_abcrules.py test_abcrules_correct_simple, committee size 2, every candidate costing 1 (as pabutools tests/rules/test_from_abcvoting.py converts it)
num_projects;4
num_votes;4
budget;2
vote_type;approval
expected_outcomes;0,1 | 0,2 | 0,3 | 1,2 | 1,3 | 2,3
PROJECTS
project_id;cost
0;1
1;1
2;1
3;1
VOTES
voter_id;vote
1;0
2;1
3;2
4;3
