package com.arbdesk.alerts;

import com.arbdesk.arbitrage.Opportunity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, poll by poll, which rules fire. A route meets a rule while its net spread at the rule's size is at
 * least the threshold on trusted quotes; it is "held" from the first poll that saw it meet the rule, without a
 * poll in between that did not. A held route fires once it has been held for the rule's duration, once per
 * stretch (it fires again only after dropping out and coming back). A rule fires at most once per poll (its
 * best route) and not again within the cooldown; a user gets at most {@code perUserPerMinute} firings a minute.
 * Routes held while a rule is quiet fire on a later poll if they still hold. Not thread-safe: one poller calls it.
 */
public final class AlertMatcher {
    /** A rule firing for one route. */
    public record Fire(AlertRule rule, Opportunity opportunity, BigDecimal netPct, Duration held) {
    }

    private static final class Track {
        final Instant since;
        boolean fired;

        Track(Instant since) {
            this.since = since;
        }
    }

    private static final class RuleState {
        final String condition;
        final Map<String, Track> routes = new HashMap<>();
        Instant lastFired;

        RuleState(String condition) {
            this.condition = condition;
        }
    }

    private final Duration cooldown;
    private final int perUserPerMinute;
    private final Map<Long, RuleState> rules = new HashMap<>();
    private final Map<Long, Deque<Instant>> userFirings = new HashMap<>();

    public AlertMatcher(Duration cooldown, int perUserPerMinute) {
        this.cooldown = cooldown;
        this.perUserPerMinute = perUserPerMinute;
    }

    /** One poll: the enabled rules and the poll's opportunities; returns what fires now. */
    public List<Fire> round(Instant now, List<AlertRule> enabled, List<Opportunity> opportunities) {
        Set<Long> live = new HashSet<>();
        List<Fire> out = new ArrayList<>();
        for (AlertRule rule : enabled) {
            live.add(rule.id());
            RuleState state = rules.get(rule.id());
            if (state == null || !state.condition.equals(rule.condition())) {
                state = new RuleState(rule.condition());
                rules.put(rule.id(), state);
            }
            Fire due = track(now, rule, state, opportunities);
            if (due != null && quietOver(now, state) && userBudget(now, rule.userId())) {
                state.routes.get(due.opportunity().key()).fired = true;
                state.lastFired = now;
                userFirings.get(rule.userId()).addLast(now);
                out.add(due);
            }
        }
        rules.keySet().retainAll(live);
        userFirings.values().removeIf(Deque::isEmpty);
        return out;
    }

    /** Updates the rule's held routes from this poll; returns its best route that is due to fire, or null. */
    private static Fire track(Instant now, AlertRule rule, RuleState state, List<Opportunity> opportunities) {
        Map<String, Track> held = new HashMap<>();
        Fire best = null;
        for (Opportunity o : opportunities) {
            BigDecimal net = rule.meets(o);
            if (net == null) {
                continue;
            }
            Track t = state.routes.getOrDefault(o.key(), new Track(now));
            held.put(o.key(), t);
            Duration length = Duration.between(t.since, now);
            if (!t.fired && length.compareTo(rule.minDuration()) >= 0
                    && (best == null || net.compareTo(best.netPct()) > 0)) {
                best = new Fire(rule, o, net, length);
            }
        }
        state.routes.clear();
        state.routes.putAll(held);
        return best;
    }

    private boolean quietOver(Instant now, RuleState state) {
        return state.lastFired == null || Duration.between(state.lastFired, now).compareTo(cooldown) >= 0;
    }

    private boolean userBudget(Instant now, long userId) {
        Deque<Instant> recent = userFirings.computeIfAbsent(userId, k -> new ArrayDeque<>());
        Instant windowStart = now.minus(Duration.ofMinutes(1));
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.pollFirst();
        }
        return recent.size() < perUserPerMinute;
    }

    /** Rules being tracked (for tests and a bounded-memory check). */
    int trackedRules() {
        return rules.size();
    }
}
