META
key;value
description;abcvoting tests/test_abcrules.py profile5, committee size 2, every candidate costing 1 (as pabutools tests/rules/test_from_abcvoting.py converts it)
num_projects;10
num_votes;2
budget;2
vote_type;approval
expected_outcomes;0,5 | 0,6 | 0,7 | 0,8 | 0,9 | 1,5 | 1,6 | 1,7 | 1,8 | 1,9 | 2,5 | 2,6 | 2,7 | 2,8 | 2,9 | 3,5 | 3,6 | 3,7 | 3,8 | 3,9 | 4,5 | 4,6 | 4,7 | 4,8 | 4,9
PROJECTS
project_id;cost
0;1
1;1
2;1
3;1
4;1
5;1
6;1
7;1
8;1
9;1
VOTES
voter_id;vote
1;0,1,2,3,4
2;5,6,7,8,9
