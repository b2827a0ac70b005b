package io.tierline.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Lays a calendar's open time out on the time line, in instant order, starting at an instant.
 *
 * <p>An instant is open when its local date is not a holiday and its local wall-clock time lies in one of that
 * weekday's intervals. The walk goes through stretches of constant UTC offset: inside one, local time is the instant
 * plus a fixed offset, so an interval maps to one span of instants, and seven ordinary days hold exactly the weekly
 * open time. A daylight-saving change ends a stretch; the day it falls on is then walked in two parts, which is how
 * an interval in a skipped hour gets no open time and one in a repeated hour gets it twice.
 */
final class OpenTimeWalk {
    /** Ten years without a single open minute: the holidays close everything, which is a configuration error. */
    private static final int MAX_CLOSED_DAYS = 3_660;

    interface Visitor {
        /** Seven whole ordinary days [from, to) holding {@code open}; true takes them whole, false asks for spans. */
        boolean wholeWeek(Instant from, Instant to, Duration open);

        /** One open span [from, to); false ends the walk. */
        boolean span(Instant from, Instant to);
    }

    private OpenTimeWalk() {
    }

    /** Visits the open time in [from, until); an unbounded walk ({@code until == Instant.MAX}) is ended by the visitor. */
    static void walk(BusinessCalendar calendar, Instant from, Instant until, Visitor visitor) {
        ZoneRules rules = calendar.timeZone().getRules();
        WeeklyHours hours = calendar.weeklyHours();
        Holidays holidays = calendar.holidays();
        Duration perWeek = hours.perWeek();
        Instant cursor = from;
        int closedDays = 0;
        while (cursor.isBefore(until)) {
            ZoneOffset offset = rules.getOffset(cursor);
            ZoneOffsetTransition transition = rules.nextTransition(cursor);
            Instant stretchEnd = transition == null || transition.getInstant().isAfter(until)
                    ? until : transition.getInstant();
            LocalDate date = LocalDate.ofInstant(cursor, offset);
            for (Instant dayStart = at(date, 0, offset); dayStart.isBefore(stretchEnd);
                 dayStart = at(date, 0, offset)) {
                if (!dayStart.isBefore(cursor)) {
                    Instant weekEnd = at(date.plusDays(7), 0, offset);
                    if (!weekEnd.isAfter(stretchEnd) && !holidays.anyBetween(date, date.plusDays(6))
                            && visitor.wholeWeek(dayStart, weekEnd, perWeek)) {
                        date = date.plusDays(7);
                        closedDays = 0;
                        continue;
                    }
                }
                boolean open = false;
                if (!holidays.covers(date)) {
                    for (OpenInterval interval : hours.on(date.getDayOfWeek())) {
                        Instant start = latest(cursor, at(date, interval.startSecond(), offset));
                        Instant end = earliest(stretchEnd, at(date, interval.endSecond(), offset));
                        if (start.isBefore(end)) {
                            open = true;
                            if (!visitor.span(start, end)) {
                                return;
                            }
                        }
                    }
                }
                closedDays = open ? 0 : closedDays + 1;
                if (closedDays > MAX_CLOSED_DAYS && until.equals(Instant.MAX)) {
                    throw new IllegalStateException("calendar '" + calendar.id() + "' has no open time in the "
                            + MAX_CLOSED_DAYS + " days before " + date + "; do its holidays close every day?");
                }
                date = date.plusDays(1);
            }
            cursor = stretchEnd;
        }
    }

    private static Instant at(LocalDate date, int secondOfDay, ZoneOffset offset) {
        return Instant.ofEpochSecond(date.toEpochDay() * OpenInterval.SECONDS_PER_DAY + secondOfDay
                - offset.getTotalSeconds());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
