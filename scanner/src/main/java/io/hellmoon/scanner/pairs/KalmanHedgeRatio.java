/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

/**
 * A Kalman filter for a pair's hedge ratio and intercept, as in Chan's "Algorithmic Trading" (2013, ch. 3), with
 * the regressor centred for conditioning.
 * <p>
 * State {@code theta = (beta, a)}, observation {@code y = a + beta (x - x0) + e}, with {@code y} and {@code x} the
 * legs' log prices and {@code x0} leg 2's log price at the first sample (so the intercept is
 * {@code alpha = a - beta x0}; centring keeps the state's covariance well conditioned when {@code x} varies little
 * around a large level). Per sample, with {@code h = (x - x0, 1)}:
 * <pre>
 *     transition  theta_t = theta_t-1 + w,  w ~ N(0, W),  W = delta / (1 - delta) * Ve * I
 *     predict     R = P + W,  yhat = h . theta,  e = y - yhat  (the innovation: the spread before the update)
 *                 Q = h' R h + Ve
 *     gain        K = R h / Q
 *     update      theta += K e,  P = (I - K h') R (I - K h')' + Ve K K'   (Joseph form: stays symmetric, positive)
 * </pre>
 * The transition variance is stated relative to the observation variance {@code Ve}: the gains depend only on the
 * ratio {@code W / Ve}, so one {@code delta} means the same adaptation speed for every pair, whatever its spread's
 * scale (for small delta, the intercept forgets over about {@code 1 / sqrt(delta)} samples). {@code Ve} and the
 * initial covariance {@code P0 = initialVariance * I} only set how much the first samples move the state.
 * Allocation free; not thread safe.
 */
public final class KalmanHedgeRatio
{
    private final double observationVariance;
    private final double transitionVariance;
    private final double initialVariance;

    private boolean started;
    private double x0;
    private double beta;
    private double level;
    private double p00;
    private double p01;
    private double p11;
    private double innovationVariance = Double.NaN;

    /**
     * A filter.
     *
     * @param delta               transition variance relative to the observation variance, in (0, 1).
     * @param observationVariance {@code Ve}, positive.
     * @param initialVariance     diagonal of the initial state covariance, positive.
     */
    public KalmanHedgeRatio(final double delta, final double observationVariance, final double initialVariance)
    {
        this.observationVariance = observationVariance;
        this.transitionVariance = delta / (1.0 - delta) * observationVariance;
        this.initialVariance = initialVariance;
    }

    /**
     * Whether {@link #start} has been called.
     *
     * @return true once started.
     */
    public boolean isStarted()
    {
        return started;
    }

    /**
     * Start at the first sample.
     *
     * @param y          leg 1's log price.
     * @param x          leg 2's log price, the centre {@code x0} from now on.
     * @param hedgeRatio initial hedge ratio (e.g. a scan's OLS slope), NaN for 1.
     * @param intercept  initial intercept of {@code y = alpha + beta x}, NaN to fit this sample exactly.
     */
    public void start(final double y, final double x, final double hedgeRatio, final double intercept)
    {
        x0 = x;
        beta = Double.isNaN(hedgeRatio) ? 1.0 : hedgeRatio;
        level = Double.isNaN(intercept) ? y : intercept + beta * x0;
        p00 = initialVariance;
        p01 = 0.0;
        p11 = initialVariance;
        innovationVariance = Double.NaN;
        started = true;
    }

    /**
     * The filter's prediction of leg 1's log price.
     *
     * @param x leg 2's log price.
     * @return {@code alpha + beta x}.
     */
    public double predict(final double x)
    {
        return level + beta * (x - x0);
    }

    /**
     * One sample: predict, then update.
     *
     * @param y leg 1's log price.
     * @param x leg 2's log price.
     * @return the innovation {@code e = y - predict(x)} before the update.
     */
    public double update(final double y, final double x)
    {
        final double h0 = x - x0;
        final double r00 = p00 + transitionVariance;
        final double r01 = p01;
        final double r11 = p11 + transitionVariance;

        final double innovation = y - (level + beta * h0);
        final double rh0 = r00 * h0 + r01;
        final double rh1 = r01 * h0 + r11;
        final double q = h0 * rh0 + rh1 + observationVariance;
        final double k0 = rh0 / q;
        final double k1 = rh1 / q;
        beta += k0 * innovation;
        level += k1 * innovation;

        final double a00 = 1.0 - k0 * h0;
        final double a01 = -k0;
        final double a10 = -k1 * h0;
        final double a11 = 1.0 - k1;
        final double ar00 = a00 * r00 + a01 * r01;
        final double ar01 = a00 * r01 + a01 * r11;
        final double ar10 = a10 * r00 + a11 * r01;
        final double ar11 = a10 * r01 + a11 * r11;
        p00 = ar00 * a00 + ar01 * a01 + observationVariance * k0 * k0;
        p01 = ar00 * a10 + ar01 * a11 + observationVariance * k0 * k1;
        p11 = ar10 * a10 + ar11 * a11 + observationVariance * k1 * k1;
        innovationVariance = q;
        return innovation;
    }

    /**
     * Current hedge ratio.
     *
     * @return beta.
     */
    public double hedgeRatio()
    {
        return beta;
    }

    /**
     * Current intercept of {@code y = alpha + beta x}.
     *
     * @return alpha.
     */
    public double intercept()
    {
        return level - beta * x0;
    }

    /**
     * Variance {@code Q} of the last innovation.
     *
     * @return Q, NaN before the first update.
     */
    public double innovationVariance()
    {
        return innovationVariance;
    }

    /**
     * Variance of the hedge ratio's estimate.
     *
     * @return {@code P[0][0]}.
     */
    public double hedgeRatioVariance()
    {
        return p00;
    }
}
