META
key;value
description;abcvoting tests/test_abcrules.py profile2, committee size 3, every candidate costing 1 (as pabutools tests/rules/test_from_abcvoting.py converts it)
num_projects;5
num_votes;9
budget;3
vote_type;approval
expected_outcomes;0,1,3 | 0,2,3 | 1,2,3
PROJECTS
project_id;cost
0;1
1;1
2;1
3;1
4;1
VOTES
voter_id;vote
1;0,1,2
2;0,1,2
3;0,1,2
4;0,1,2
5;0,1,2
6;0,1
7;3,4
8;3,4
9;3
