package org.commonweal.platform.problems;

/** Why a change to a problem or solution was refused; the routes turn it into a status code and page. */
enum Refusal { NOT_FOUND, FORBIDDEN, CLOSED, INVALID }
