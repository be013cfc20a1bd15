package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.subjects.Subject;

/** What {@code deliberation/follow.jte} needs: the subject and whether the viewer (if signed in) follows it. */
public record FollowButton(Subject subject, boolean signedIn, boolean following) {
}
