META
key;value
description;abcvoting tests/test_abcrules.py profile1, committee size 4, every candidate costing 1 (as pabutools tests/rules/test_from_abcvoting.py converts it)
num_projects;6
num_votes;8
budget;4
vote_type;approval
expected_outcomes;0,1,2,4 | 0,1,2,5 | 0,1,3,4 | 0,1,3,5 | 0,1,4,5 | 0,2,3,4 | 0,2,3,5 | 0,2,4,5 | 0,3,4,5 | 1,2,3,4 | 1,2,3,5 | 1,2,4,5 | 1,3,4,5 | 2,3,4,5
PROJECTS
project_id;cost
0;1
1;1
2;1
3;1
4;1
5;1
VOTES
voter_id;vote
1;0,4,5
2;0
3;1,4,5
4;1
5;2,4,5
6;2
7;3,4,5
8;3
