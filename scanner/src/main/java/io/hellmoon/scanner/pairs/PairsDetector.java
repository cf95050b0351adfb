/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.sbe.AnomalyEventEncoder;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The pairs detector: for each configured pair, a Kalman-filter hedge ratio and a rolling z-score of the spread,
 * with entry, exit and stop signals published as {@code AnomalyEvent}s of type {@code PAIRS_DIVERGENCE}.
 *
 * <h2>Hook</h2>
 * The scanner core calls {@link #onTrade(int, long, long, long, double, int)} for every trade it accepts (after its
 * own validation, with the trade's event time, receive time and publish time, the price as a double and the
 * price's exponent); instruments in no pair return at once. Standalone, {@link #onMessage} takes whole market-data
 * messages and does the same for {@code Trade}s (event time, else trade time), ignoring everything else. There is
 * no sweep: sampling is driven by the legs' own trades.
 *
 * <h2>Per pair</h2>
 * With {@code y}, {@code x} the last log trade prices of leg 1 and leg 2:
 * <ul>
 *     <li><b>Sampling.</b> When a leg's trade reaches the pair's next multiple of the sample interval (event time),
 *     the legs' prices as they were before that trade are sampled at the last boundary crossed (one sample however
 *     many intervals were skipped), unless either leg is stale (no trade for the stale time) at the boundary. A
 *     sample updates the {@link KalmanHedgeRatio} (started at the first sample from the configured hedge ratio and
 *     intercept) and pushes its innovation {@code e = y - (alpha + beta x)}, the spread before the update, into a
 *     {@link RollingWindow} of {@code lookback} samples.</li>
 *     <li><b>z-score</b>, on every trade of either leg once {@code warmup} samples were taken and neither leg is
 *     stale: {@code s = y - (alpha + beta x)} with the filter's current state (the innovation the next sample would
 *     see), {@code z = (s - mean) / max(std, minSpreadStd)} over the window.</li>
 *     <li><b>Signals</b> (state machine): FLAT and {@code entry < |z| <= stop}: ENTRY, to SHORT_SPREAD if
 *     {@code z > 0} (leg 1 rich: sell leg 1, buy beta of leg 2), LONG_SPREAD if {@code z < 0}; a flat pair beyond
 *     the stop does not enter (the model is broken there). LONG_SPREAD: {@code z < -stop} STOP, else
 *     {@code z >= -exit} EXIT to FLAT (a jump through the band exits too); SHORT_SPREAD mirrored. After a STOP the
 *     pair stays out until {@code |z| < exit}, then is FLAT again (no event).</li>
 *     <li><b>Suppression.</b> A signal of the same kind and direction as one sent for the pair less than the
 *     suppression time ago is not sent, and the transition does not happen: the pair stays in its state and fires
 *     when the condition still holds after the suppression time.</li>
 * </ul>
 *
 * <h2>Event</h2>
 * {@code instrumentId} leg 1, {@code relatedInstrumentId} leg 2, {@code price} leg 1's last price at its exponent,
 * the triggering trade's event, receive and source publish times, {@code score = |z| / entry}, regimes
 * {@code NULL_VAL} (the detector does not know them), {@code atr} NaN. Direction: UP when the spread is rich
 * ({@code z > 0}: ENTRY into SHORT_SPREAD, or STOP of a SHORT_SPREAD), DOWN when cheap, NEUTRAL for EXIT. Features,
 * in this order: {@code Z_SCORE} z; {@code THRESHOLD} the level crossed, which tells the signal: entry (ENTRY),
 * exit (EXIT) or stop (STOP); {@code CONFIDENCE} the {@link SignalStrength} as 0.25/0.5/0.75/1 (0 for EXIT);
 * {@code HEDGE_RATIO} beta; {@code BASELINE} the window's mean spread; {@code PRICE} leg 2's last price;
 * {@code DURATION_MS} time since the entry for EXIT and STOP, 0 for ENTRY. Anomaly ids are
 * {@code scannerId << 48 | 1 << 47 | sequence}: bit 47 keeps them apart from the core's ids of the same scanner.
 * <p>
 * Deterministic: decisions use event times only (the clock only stamps {@code publishTimeNs}), and per pair time
 * never goes backwards (a late trade is taken at the pair's latest time). Allocation free after construction; not
 * thread safe: one thread calls every method.
 */
public final class PairsDetector implements SbeHandler, AutoCloseable
{
    /**
     * Features per event.
     */
    public static final int FEATURE_COUNT = 7;

    /**
     * Bit set in every anomaly id of this detector.
     */
    public static final long ID_MARKER = 1L << 47;

    /**
     * Position of a pair: no position.
     */
    public static final int FLAT = 0;

    /**
     * Position of a pair: long the spread (bought leg 1, sold leg 2), entered at z below -entry.
     */
    public static final int LONG_SPREAD = 1;

    /**
     * Position of a pair: short the spread (sold leg 1, bought leg 2), entered at z above entry.
     */
    public static final int SHORT_SPREAD = 2;

    /**
     * Position of a pair: stopped out, waiting for |z| below the exit level.
     */
    public static final int STOPPED = 3;

    private static final int SEQUENCE_BITS = 47;
    private static final long NO_TIME = Long.MIN_VALUE;
    private static final int NO_SLOT = -1;
    private static final int BUFFER_LENGTH = 512;
    private static final double[] POWERS_OF_TEN = new double[37];

    static
    {
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = Double.parseDouble("1e" + (i - 18));
        }
    }

    private final MessageSink sink;
    private final EpochNanoClock clock;
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final AnomalyEventEncoder encoder = new AnomalyEventEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(BUFFER_LENGTH));
    private final Int2IntHashMap firstSlot = new Int2IntHashMap(NO_SLOT);
    private final int[] nextSlot;
    private final Pair[] pairs;
    private final int scannerId;
    private final long idBase;
    private final long sampleIntervalNs;
    private final long warmupSamples;
    private final double entryZ;
    private final double exitZ;
    private final double stopZ;
    private final double strengthNormalZ;
    private final double strengthStrongZ;
    private final double strengthExtremeZ;
    private final long suppressionNs;
    private final long staleAfterNs;
    private final double minSpreadStd;
    private final AtomicCounter signals;
    private final AtomicCounter suppressed;
    private final AtomicCounter badTrades;
    private final AtomicCounter lateTrades;
    private boolean enabled;
    private long sequence;

    /**
     * A detector. Concludes the context if that has not been done.
     *
     * @param ctx  configuration; single use.
     * @param sink for the anomaly events.
     */
    public PairsDetector(final PairsContext ctx, final MessageSink sink)
    {
        if (!ctx.isConcluded())
        {
            ctx.conclude();
        }
        this.sink = sink;
        this.clock = ctx.clock();
        this.enabled = ctx.enabled();
        this.scannerId = ctx.scannerId();
        this.idBase = (long)scannerId << 48 | ID_MARKER;
        this.sampleIntervalNs = ctx.sampleIntervalNs();
        this.warmupSamples = ctx.warmupSamples();
        this.entryZ = ctx.entryZ();
        this.exitZ = ctx.exitZ();
        this.stopZ = ctx.stopZ();
        this.strengthNormalZ = ctx.strengthNormalZ();
        this.strengthStrongZ = ctx.strengthStrongZ();
        this.strengthExtremeZ = ctx.strengthExtremeZ();
        this.suppressionNs = ctx.suppressionNs();
        this.staleAfterNs = ctx.staleAfterNs();
        this.minSpreadStd = ctx.minSpreadStd();

        final List<PairsContext.PairSpec> specs = ctx.pairs();
        pairs = new Pair[specs.size()];
        nextSlot = new int[2 * specs.size()];
        for (int p = 0; p < pairs.length; p++)
        {
            final PairsContext.PairSpec spec = specs.get(p);
            pairs[p] = new Pair(spec, ctx);
            link(spec.leg1InstrumentId(), 2 * p);
            link(spec.leg2InstrumentId(), 2 * p + 1);
        }

        final CounterFactory counters = ctx.counterFactory();
        final String prefix = "scanner " + scannerId + " pairs: ";
        signals = counters.newCounter(HellmoonCounters.ANOMALIES_TYPE_ID, prefix + "signals");
        suppressed = counters.newCounter(HellmoonCounters.GENERIC_TYPE_ID, prefix + "signals suppressed");
        badTrades = counters.newCounter(HellmoonCounters.DECODE_ERRORS_TYPE_ID, prefix + "bad trades");
        lateTrades = counters.newCounter(HellmoonCounters.GENERIC_TYPE_ID, prefix + "late trades");
    }

    /**
     * Take a market-data message: a {@code Trade} goes to {@link #onTrade}, anything else is ignored. A trade with
     * a bad price, no time or a truncated block counts as a bad trade.
     *
     * @param buffer holding the message.
     * @param offset of the message header.
     * @param length of header and message.
     */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        headerDecoder.wrap(buffer, offset);
        if (TradeDecoder.SCHEMA_ID != headerDecoder.schemaId() ||
            TradeDecoder.TEMPLATE_ID != headerDecoder.templateId())
        {
            return;
        }
        final int blockLength = headerDecoder.blockLength();
        if (blockLength < TradeDecoder.BLOCK_LENGTH || length - MessageHeaderDecoder.ENCODED_LENGTH < blockLength)
        {
            badTrades.incrementRelease();
            return;
        }

        final TradeDecoder trade = tradeDecoder;
        trade.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, blockLength, headerDecoder.version());
        final int instrumentId = trade.instrumentId();
        if (NO_SLOT == firstSlot.get(instrumentId))
        {
            return;
        }
        final long eventTimeNs = TradeDecoder.eventTimeNsNullValue() != trade.eventTimeNs() ?
            trade.eventTimeNs() : trade.tradeTimeNs();
        final int exponent = trade.priceExponent();
        onTrade(instrumentId, TradeDecoder.eventTimeNsNullValue() == eventTimeNs ? 0 : eventTimeNs,
            trade.receiveTimeNs(), trade.publishTimeNs(), toDouble(trade.price(), exponent), exponent);
    }

    /**
     * The hook for the scanner core: one trade of an instrument.
     *
     * @param instrumentId        the instrument.
     * @param eventTimeNs         the trade's event time, epoch nanoseconds (positive).
     * @param receiveTimeNs       the feed's receive time of the trade.
     * @param sourcePublishTimeNs the market-data publish time of the trade.
     * @param price               the trade price (positive, finite).
     * @param priceExponent       the exponent of the instrument's price mantissas (for the event's price).
     * @return the number of events published (0 when the instrument is in no pair).
     */
    public int onTrade(
        final int instrumentId,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long sourcePublishTimeNs,
        final double price,
        final int priceExponent)
    {
        int slot = firstSlot.get(instrumentId);
        if (NO_SLOT == slot)
        {
            return 0;
        }
        if (!(price > 0.0) || Double.isInfinite(price) || eventTimeNs <= 0)
        {
            badTrades.incrementRelease();
            return 0;
        }

        final double logPrice = Math.log(price);
        int events = 0;
        while (NO_SLOT != slot)
        {
            final Pair pair = pairs[slot >> 1];
            final boolean isLeg1 = 0 == (slot & 1);
            long timeNs = eventTimeNs;
            if (timeNs < pair.timeNs)
            {
                lateTrades.incrementRelease();
                timeNs = pair.timeNs;
            }

            if (NO_TIME == pair.nextSampleNs)
            {
                pair.nextSampleNs = Math.floorDiv(timeNs, sampleIntervalNs) * sampleIntervalNs + sampleIntervalNs;
            }
            else if (timeNs >= pair.nextSampleNs)
            {
                final long boundaryNs = Math.floorDiv(timeNs, sampleIntervalNs) * sampleIntervalNs;
                sample(pair, boundaryNs);
                pair.nextSampleNs = boundaryNs + sampleIntervalNs;
            }
            pair.timeNs = timeNs;

            if (isLeg1)
            {
                pair.logPrice1 = logPrice;
                pair.price1 = price;
                pair.priceExponent1 = priceExponent;
                pair.priceTime1Ns = timeNs;
            }
            else
            {
                pair.logPrice2 = logPrice;
                pair.price2 = price;
                pair.priceTime2Ns = timeNs;
            }
            events += evaluate(pair, timeNs, eventTimeNs, receiveTimeNs, sourcePublishTimeNs);
            slot = nextSlot[slot];
        }
        return events;
    }

    /**
     * Turn publishing on or off; the pairs keep sampling and changing state either way.
     *
     * @param enabled true to publish.
     */
    public void enabled(final boolean enabled)
    {
        this.enabled = enabled;
    }

    /**
     * Whether events are published.
     *
     * @return true if enabled.
     */
    public boolean enabled()
    {
        return enabled;
    }

    /**
     * Number of pairs watched.
     *
     * @return the count.
     */
    public int pairCount()
    {
        return pairs.length;
    }

    /**
     * Leg 1 of a pair.
     *
     * @param pair index in configuration order.
     * @return its instrument id.
     */
    public int leg1InstrumentId(final int pair)
    {
        return pairs[pair].leg1Id;
    }

    /**
     * Leg 2 of a pair.
     *
     * @param pair index.
     * @return its instrument id.
     */
    public int leg2InstrumentId(final int pair)
    {
        return pairs[pair].leg2Id;
    }

    /**
     * The z-score at the pair's last evaluated trade.
     *
     * @param pair index.
     * @return z, NaN before the warm-up ends.
     */
    public double zScore(final int pair)
    {
        return pairs[pair].z;
    }

    /**
     * The Kalman hedge ratio of a pair.
     *
     * @param pair index.
     * @return beta, NaN before the first sample.
     */
    public double hedgeRatio(final int pair)
    {
        final KalmanHedgeRatio filter = pairs[pair].filter;
        return filter.isStarted() ? filter.hedgeRatio() : Double.NaN;
    }

    /**
     * The Kalman intercept of a pair.
     *
     * @param pair index.
     * @return alpha, NaN before the first sample.
     */
    public double intercept(final int pair)
    {
        final KalmanHedgeRatio filter = pairs[pair].filter;
        return filter.isStarted() ? filter.intercept() : Double.NaN;
    }

    /**
     * Samples a pair has taken.
     *
     * @param pair index.
     * @return the count.
     */
    public long samples(final int pair)
    {
        return pairs[pair].samples;
    }

    /**
     * Position state of a pair.
     *
     * @param pair index.
     * @return {@link #FLAT}, {@link #LONG_SPREAD}, {@link #SHORT_SPREAD} or {@link #STOPPED}.
     */
    public int position(final int pair)
    {
        return pairs[pair].position;
    }

    /**
     * Signals sent (or, while disabled, that would have been).
     *
     * @return the count.
     */
    public long signals()
    {
        return signals.get();
    }

    /**
     * Signals held back by duplicate suppression.
     *
     * @return the count.
     */
    public long suppressed()
    {
        return suppressed.get();
    }

    /**
     * Trades of watched instruments rejected for a bad price or time.
     *
     * @return the count.
     */
    public long badTrades()
    {
        return badTrades.get();
    }

    /**
     * Close the counters.
     */
    public void close()
    {
        CloseHelper.closeAll(signals, suppressed, badTrades, lateTrades);
    }

    private void link(final int instrumentId, final int slot)
    {
        final int head = firstSlot.get(instrumentId);
        nextSlot[slot] = head;
        firstSlot.put(instrumentId, slot);
    }

    private void sample(final Pair pair, final long boundaryNs)
    {
        if (NO_TIME == pair.priceTime1Ns || NO_TIME == pair.priceTime2Ns ||
            boundaryNs - pair.priceTime1Ns > staleAfterNs || boundaryNs - pair.priceTime2Ns > staleAfterNs)
        {
            return;
        }
        final KalmanHedgeRatio filter = pair.filter;
        if (!filter.isStarted())
        {
            filter.start(pair.logPrice1, pair.logPrice2, pair.initialHedgeRatio, pair.initialIntercept);
        }
        pair.window.add(filter.update(pair.logPrice1, pair.logPrice2));
        pair.samples++;
    }

    private int evaluate(
        final Pair pair,
        final long timeNs,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long sourcePublishTimeNs)
    {
        if (pair.samples < warmupSamples || NO_TIME == pair.priceTime1Ns || NO_TIME == pair.priceTime2Ns ||
            timeNs - pair.priceTime1Ns > staleAfterNs || timeNs - pair.priceTime2Ns > staleAfterNs)
        {
            return 0;
        }

        final RollingWindow window = pair.window;
        final double spread = pair.logPrice1 - pair.filter.predict(pair.logPrice2);
        final double z = (spread - window.mean()) / Math.max(window.std(), minSpreadStd);
        pair.z = z;
        final double absZ = Math.abs(z);

        switch (pair.position)
        {
            case FLAT:
                if (absZ > entryZ && absZ <= stopZ)
                {
                    final boolean rich = z > 0.0;
                    if (signal(pair, PairSignal.ENTRY, rich ? Direction.UP : Direction.DOWN, z, entryZ, timeNs,
                        eventTimeNs, receiveTimeNs, sourcePublishTimeNs))
                    {
                        pair.position = rich ? SHORT_SPREAD : LONG_SPREAD;
                        pair.entryTimeNs = timeNs;
                        return 1;
                    }
                }
                return 0;

            case LONG_SPREAD:
            case SHORT_SPREAD:
            {
                final double sign = SHORT_SPREAD == pair.position ? 1.0 : -1.0;
                final double signedZ = sign * z;
                if (signedZ > stopZ)
                {
                    if (signal(pair, PairSignal.STOP, sign > 0.0 ? Direction.UP : Direction.DOWN, z, stopZ, timeNs,
                        eventTimeNs, receiveTimeNs, sourcePublishTimeNs))
                    {
                        pair.position = STOPPED;
                        return 1;
                    }
                }
                else if (signedZ <= exitZ)
                {
                    if (signal(pair, PairSignal.EXIT, Direction.NEUTRAL, z, exitZ, timeNs, eventTimeNs,
                        receiveTimeNs, sourcePublishTimeNs))
                    {
                        pair.position = FLAT;
                        return 1;
                    }
                }
                return 0;
            }

            default:
                if (absZ < exitZ)
                {
                    pair.position = FLAT;
                }
                return 0;
        }
    }

    private boolean signal(
        final Pair pair,
        final PairSignal kind,
        final Direction direction,
        final double z,
        final double threshold,
        final long timeNs,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long sourcePublishTimeNs)
    {
        final int key = kind.ordinal() * 3 + (Direction.UP == direction ? 0 : Direction.DOWN == direction ? 1 : 2);
        final long lastNs = pair.lastSignalNs[key];
        if (NO_TIME != lastNs && timeNs - lastNs < suppressionNs)
        {
            suppressed.incrementRelease();
            return false;
        }
        pair.lastSignalNs[key] = timeNs;
        signals.incrementRelease();
        if (!enabled)
        {
            return true;
        }

        final double absZ = Math.abs(z);
        final SignalStrength strength = PairSignal.EXIT == kind ? SignalStrength.NONE :
            SignalStrength.classify(absZ, entryZ, strengthNormalZ, strengthStrongZ, strengthExtremeZ);
        final int exponent = pair.priceExponent1;
        final AnomalyEventEncoder encoder = this.encoder;
        encoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .anomalyId(idBase | (++sequence & ((1L << SEQUENCE_BITS) - 1)))
            .instrumentId(pair.leg1Id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .sourcePublishTimeNs(sourcePublishTimeNs)
            .publishTimeNs(clock.nanoTime())
            .anomalyType(AnomalyType.PAIRS_DIVERGENCE)
            .direction(direction)
            .score(absZ / entryZ)
            .scannerId(scannerId)
            .volatilityRegime(VolatilityRegime.NULL_VAL)
            .trendRegime(TrendRegime.NULL_VAL)
            .priceExponent((byte)exponent)
            .price(toMantissa(pair.price1, exponent))
            .atr(Double.NaN)
            .relatedInstrumentId(pair.leg2Id);
        final AnomalyEventEncoder.FeaturesEncoder features = encoder.featuresCount(FEATURE_COUNT);
        features.next().feature(Feature.Z_SCORE).value(z);
        features.next().feature(Feature.THRESHOLD).value(threshold);
        features.next().feature(Feature.CONFIDENCE).value(strength.confidence());
        features.next().feature(Feature.HEDGE_RATIO).value(pair.filter.hedgeRatio());
        features.next().feature(Feature.BASELINE).value(pair.window.mean());
        features.next().feature(Feature.PRICE).value(pair.price2);
        features.next().feature(Feature.DURATION_MS).value(
            PairSignal.ENTRY == kind ? 0.0 : (timeNs - pair.entryTimeNs) / 1_000_000.0);
        sink.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
        return true;
    }

    private static double toDouble(final long mantissa, final int exponent)
    {
        if (exponent < -18 || exponent > 18)
        {
            return mantissa * Math.pow(10.0, exponent);
        }
        return exponent < 0 ? mantissa / POWERS_OF_TEN[18 - exponent] : mantissa * POWERS_OF_TEN[18 + exponent];
    }

    private static long toMantissa(final double value, final int exponent)
    {
        if (exponent < -18 || exponent > 18)
        {
            return Math.round(value / Math.pow(10.0, exponent));
        }
        return exponent < 0 ? Math.round(value * POWERS_OF_TEN[18 - exponent]) :
            Math.round(value / POWERS_OF_TEN[18 + exponent]);
    }

    private static final class Pair
    {
        final int leg1Id;
        final int leg2Id;
        final double initialHedgeRatio;
        final double initialIntercept;
        final KalmanHedgeRatio filter;
        final RollingWindow window;
        final long[] lastSignalNs = new long[9];
        long timeNs = NO_TIME;
        long nextSampleNs = NO_TIME;
        long priceTime1Ns = NO_TIME;
        long priceTime2Ns = NO_TIME;
        double logPrice1;
        double logPrice2;
        double price1;
        double price2;
        int priceExponent1;
        long samples;
        double z = Double.NaN;
        int position = FLAT;
        long entryTimeNs;

        Pair(final PairsContext.PairSpec spec, final PairsContext ctx)
        {
            leg1Id = spec.leg1InstrumentId();
            leg2Id = spec.leg2InstrumentId();
            initialHedgeRatio = spec.hedgeRatio();
            initialIntercept = spec.intercept();
            filter = new KalmanHedgeRatio(
                ctx.kalmanDelta(), ctx.kalmanObservationVariance(), ctx.kalmanInitialVariance());
            window = new RollingWindow(ctx.lookback());
            java.util.Arrays.fill(lastSignalNs, NO_TIME);
        }
    }
}
