package taiyi.workbench.ui;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

/**
 * A scheduling rule that conflicts only with itself: jobs sharing one run one after the other
 * (imports, which share the index writer; pre-annotations, which share the loaded model), and
 * nothing else waits for them.
 */
public final class ExclusiveRule implements ISchedulingRule {

    private final String what;

    public ExclusiveRule(String what) {
        this.what = what;
    }

    @Override
    public boolean contains(ISchedulingRule rule) {
        return rule == this;
    }

    @Override
    public boolean isConflicting(ISchedulingRule rule) {
        return rule == this;
    }

    @Override
    public String toString() {
        return "one " + what + " at a time";
    }
}
