package org.edgeworks.core.processing;

import org.eclipse.january.IMonitor;
import org.edgeworks.core.EdgeworksException;

/**
 * A {@link BaseProcessor} long enough to report progress (a path fit, a wavelet transform): it
 * implements {@link #apply(Object, Record, IMonitor)}, reporting units of work with
 * {@link Monitors#worked} and stopping with {@link Monitors#cancelled} once the monitor is
 * cancelled; {@link #apply(Object, Record)} is the same without a monitor.
 *
 * @param <I> input type
 * @param <P> parameter record
 * @param <O> output type
 */
public abstract class MonitoredProcessor<I, P extends Record, O> extends BaseProcessor<I, P, O> {

    /**
     * @param version bumped when the processor's numbers may change
     */
    protected MonitoredProcessor(String id, String version, String label, Class<I> inputType, Class<P> parameterType) {
        super(id, version, label, inputType, parameterType);
    }

    /** {@link #apply(Object, Record, IMonitor)} without a monitor. */
    @Override
    public final Result<O> apply(I input, P parameters) throws EdgeworksException {
        return apply(input, parameters, null);
    }

    /** The processor's work, reporting to {@code monitor} (null: none) and stopping when it is cancelled. */
    @Override
    public abstract Result<O> apply(I input, P parameters, IMonitor monitor) throws EdgeworksException;
}
