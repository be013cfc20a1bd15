META
key;value
description;pabutools tests/rules/test_maximin_support.py test_small_input
num_projects;1
num_votes;1
budget;1
vote_type;approval
expected_outcomes;c1
PROJECTS
project_id;cost
c1;1
VOTES
voter_id;vote
1;c1
