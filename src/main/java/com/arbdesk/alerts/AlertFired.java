package com.arbdesk.alerts;

/** Published in the transaction that recorded a firing: the live event to the rule's owner is stored with it. */
public record AlertFired(AlertFiring firing, long unread) {
}
