package org.switchboard.reporting.control;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Opens {@link Backing}'s package-private rules to the tests in other packages. */
public final class BackingProbe {

    private BackingProbe() {
    }

    public static Backing.Verdict judge(Backing.Lead lead, Backing.Call call, ZoneId zone, int hours) {
        return Backing.judge(lead, call, zone, hours);
    }

    public static Map<Long, Backing.Verdict> judgeAll(List<Backing.Lead> leads, Map<Long, Backing.Call> calls, ZoneId zone,
            int hours) {
        return Backing.judgeAll(leads, calls, zone, day -> hours);
    }
}
