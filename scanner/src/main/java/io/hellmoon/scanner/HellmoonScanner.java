/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.sbe.BarDecoder;
import io.hellmoon.sbe.BarInterval;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.Decimal64Decoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.LiquidationDecoder;
import io.hellmoon.sbe.MarkPriceDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import io.hellmoon.scanner.indicators.LiquidationFlow;
import io.hellmoon.scanner.indicators.MultiTimeframeBars;
import io.hellmoon.scanner.indicators.TimeframeBars;
import io.hellmoon.scanner.pairs.PairsContext;
import io.hellmoon.scanner.pairs.PairsDetector;
import io.hellmoon.scanner.regime.RegimeClassifier;
import io.hellmoon.scanner.regime.RegimeResult;
import io.hellmoon.scanner.regime.RegimeTracker;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteOrder;
import java.util.Arrays;

import static io.hellmoon.scanner.InstrumentTable.NO_SLOT;
import static io.hellmoon.scanner.InstrumentTable.NO_TIME;

/**
 * The Hellmoon scanner's core: takes whole market-data messages, keeps per-instrument state in arrays, runs the
 * twelve detectors and the regime classifier, and writes {@code AnomalyEvent} and {@code RegimeChange} messages to a
 * {@link MessageSink}. No Aeron here: {@link ScannerAgent} feeds it from a subscription, tests call
 * {@link #onMessage(DirectBuffer, int, int)} directly.
 * <p>
 * <b>Inputs.</b> {@code InstrumentDefinition} (exponents, contract value, trading status), {@code Trade},
 * {@code BestBidOffer}, {@code BookLevels}, closed 1m {@code Bar}s, {@code Liquidation}, {@code MarkPrice},
 * {@code FeedStatus}. {@code DepthUpdate}, {@code DepthSnapshot}, {@code MiniTicker}, {@code FeedStatistics} and
 * other templates are ignored. An instrument gets a slot when first seen, definition or not; mantissas are converted
 * to doubles once, here. If an instrument's trades come as both {@code TRADE} and {@code AGG_TRADE}, only the kind
 * seen first is counted; if it has book tickers, its top of book (spread, order-flow imbalance, the mid price its
 * returns are sampled from) comes from them only, else from the top of {@code BookLevels}; an instrument without
 * quotes samples its returns from trades.
 * <p>
 * <b>Time.</b> Everything that decides (windows, buckets, bars, cooldowns, the sweep) runs on the messages' event
 * times, so a replay gives the same output bytes; the clock only stamps {@code publishTimeNs}. A message without an
 * event time (e.g. a spot bookTicker) takes its instrument's latest event time, or the stream's if the instrument
 * has none; with {@link ScannerContext#maxEventTimeSkewNs()} set, an event time further than that from the receive
 * time is treated as missing. Per instrument time never goes backwards: a late message is processed at the
 * instrument's latest time and counted. The stream time is the latest event time of any instrument.
 * <p>
 * <b>Tick path and sweep.</b> Each message updates its instrument in O(1) and refreshes the instrument's columns of
 * the sweep's inputs. VOLUME_SPIKE, TRADE_COUNT_BURST and LIQUIDATION_CASCADE can also fire on the message that
 * completes them. Whenever a message's time crosses a multiple of the sweep interval, before that message is applied,
 * the sweep runs ({@link #sweep(long)}): the cross-sectional passes, re-arming of disarmed detectors, then one fused
 * pass of the {@link SweepKernel} (scalar or Vector API) over all instruments' contiguous columns that scores every
 * detector and lists the candidates, which are confirmed from the exact state and fired. A jump over several
 * intervals runs one sweep, at the last boundary crossed. Sweep events carry the boundary as their event time and the
 * triggering message's receive and publish times. Regimes are re-classified at each close of a regime-timeframe bar.
 * <p>
 * Not thread safe: one thread calls {@link #onMessage}. Allocation free after warm-up (new instruments beyond the
 * capacity grow the arrays, doubling).
 */
public final class HellmoonScanner implements SbeHandler, AutoCloseable
{
    /**
     * Error reason: the message is shorter than its header, block or groups.
     */
    public static final int ERROR_TRUNCATED = 0;

    /**
     * Error reason: the message is not of the Hellmoon schema.
     */
    public static final int ERROR_WRONG_SCHEMA = 1;

    /**
     * Error reason: the instrument id is not positive.
     */
    public static final int ERROR_BAD_INSTRUMENT = 2;

    /**
     * Error reason: a price, size or enum value is out of range.
     */
    public static final int ERROR_BAD_VALUE = 3;

    private static final String[] ERROR_REASONS = { "TRUNCATED", "WRONG_SCHEMA", "BAD_INSTRUMENT", "BAD_VALUE" };
    private static final int GROUP_HEADER_LENGTH = 4;
    private static final int LEVEL_LENGTH = 2 * Long.BYTES;
    private static final byte NO_TRADE_KIND = 0;
    private static final byte QUOTES_NONE = 0;
    private static final byte QUOTES_BOOK_TICKER = 1;
    private static final byte QUOTES_BOOK_LEVELS = 2;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definitionDecoder = new InstrumentDefinitionDecoder();
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final BestBidOfferDecoder bboDecoder = new BestBidOfferDecoder();
    private final BookLevelsDecoder bookDecoder = new BookLevelsDecoder();
    private final BarDecoder barDecoder = new BarDecoder();
    private final LiquidationDecoder liquidationDecoder = new LiquidationDecoder();
    private final MarkPriceDecoder markPriceDecoder = new MarkPriceDecoder();
    private final FeedStatusDecoder feedStatusDecoder = new FeedStatusDecoder();
    private final RegimeResult regimeResult = new RegimeResult();

    private final ScannerContext ctx;
    private final EpochNanoClock clock;
    private final InstrumentTable table;
    private final SweepInputs inputs;
    private final FlowStatistics flows;
    private final ReturnStatistics returns;
    private final MultiTimeframeBars bars;
    private final TimeframeBars regimeBars;
    private final RegimeClassifier classifier;
    private final RegimeTracker regimes;
    private final VolumeSpikeDetector volumeSpike;
    private final TradeCountBurstDetector tradeBurst;
    private final BookImbalanceDetector bookImbalance;
    private final SpreadBlowoutDetector spreadBlowout;
    private final VolatilityExpansionDetector volatilityExpansion;
    private final BreakoutDetector breakout;
    private final RegimeShiftDetector regimeShift;
    private final LiquidationCascadeDetector liquidationCascade;
    private final ReturnDistributionDetector returnDistribution;
    private final MicrostructureImbalanceDetector microstructure;
    private final CrossSectionalDetector crossSectional;
    private final PairsDetector pairs;
    private final FundingDislocationDetector fundingDislocation;
    private final Detector[] detectors;
    private final SweepKernel kernel;
    private final ScanEventWriter writer;
    private final SampledErrorLog errorLog;
    private final AtomicCounter messagesIn;
    private final AtomicCounter anomalies;
    private final AtomicCounter regimeChanges;
    private final AtomicCounter badMessages;
    private final AtomicCounter booksIgnored;
    private final AtomicCounter lateEvents;
    private final int shardCount;
    private final int shardIndex;
    private final long sweepIntervalNs;
    private final long maxEventTimeSkewNs;
    private final int bookLevels;
    private final int regimeWarmupBars;
    private final int regimeTimeframeBit;
    private final int breakoutTimeframeBit;
    private final int volatilityTimeframeBit;
    private final boolean crossEnabled;

    private byte[] tradeKind;
    private byte[] quoteSource;
    private long[] lastTradeTimeNs;
    private long streamTimeNs = NO_TIME;
    private long nextSweepNs = NO_TIME;
    private long sweeps;
    private long candidates;

    /**
     * A scanner. Concludes the context if that has not been done.
     *
     * @param ctx  configuration; single use.
     * @param sink for the scan stream's messages.
     */
    public HellmoonScanner(final ScannerContext ctx, final MessageSink sink)
    {
        if (!ctx.isConcluded())
        {
            ctx.conclude();
        }
        this.ctx = ctx;
        this.clock = ctx.clock();
        this.shardCount = ctx.shardCount();
        this.shardIndex = ctx.shardIndex();
        this.sweepIntervalNs = ctx.sweepIntervalNs();
        this.maxEventTimeSkewNs = ctx.maxEventTimeSkewNs();
        this.bookLevels = ctx.bookImbalanceLevels();
        this.regimeWarmupBars = ctx.regimeWarmupBars();
        this.regimeTimeframeBit = 1 << ctx.regimeTimeframe().ordinal();
        this.breakoutTimeframeBit = 1 << ctx.breakoutTimeframe().ordinal();
        this.volatilityTimeframeBit = 1 << ctx.volatilityAtrTimeframe().ordinal();
        this.crossEnabled = ctx.crossEnabled();

        final int capacity = ctx.capacity();
        table = new InstrumentTable(capacity);
        inputs = new SweepInputs(capacity, enabledMask(ctx));
        tradeKind = new byte[capacity];
        quoteSource = new byte[capacity];
        lastTradeTimeNs = new long[capacity];
        flows = new FlowStatistics(ctx, inputs, capacity);
        returns = new ReturnStatistics(ctx, inputs, capacity);
        bars = new MultiTimeframeBars(
            capacity,
            ctx.barGapFillMax(),
            ctx.atrPeriod(),
            ctx.atrLongPeriod(),
            ctx.adxPeriod(),
            ctx.emaPeriod(),
            ctx.rsiPeriod(),
            ctx.bollingerPeriod(),
            ctx.bollingerWidth(),
            ctx.rangeBars(),
            Math.max(ctx.rangeBars(), ctx.breakoutBars()));
        regimeBars = bars.timeframe(ctx.regimeTimeframe());
        classifier = new RegimeClassifier(
            ctx.regimeAtrRatioLow(),
            ctx.regimeAtrRatioNormal(),
            ctx.regimeAtrRatioHigh(),
            ctx.regimeAdxTrending(),
            ctx.regimeAdxStrong(),
            ctx.regimeEmaAlignment(),
            ctx.regimeRangeWidth());
        regimes = new RegimeTracker(capacity, ctx.regimeDwellBars());

        final CounterFactory counters = ctx.counterFactory();
        final String prefix = "scanner " + ctx.scannerId() + ": ";
        messagesIn = counters.newCounter(HellmoonCounters.MESSAGES_IN_TYPE_ID, prefix + "messages in");
        anomalies = counters.newCounter(HellmoonCounters.ANOMALIES_TYPE_ID, prefix + "anomalies");
        regimeChanges = counters.newCounter(HellmoonCounters.REGIME_CHANGES_TYPE_ID, prefix + "regime changes");
        badMessages = counters.newCounter(HellmoonCounters.DECODE_ERRORS_TYPE_ID, prefix + "bad messages");
        booksIgnored = counters.newCounter(HellmoonCounters.GENERIC_TYPE_ID, prefix + "books ignored, not live");
        lateEvents = counters.newCounter(HellmoonCounters.GENERIC_TYPE_ID, prefix + "late event times");
        errorLog = new SampledErrorLog("scanner-" + ctx.scannerId(), ERROR_REASONS, badMessages);
        writer = new ScanEventWriter(
            sink, clock, ctx.scannerId(), table, regimeBars, regimes, anomalies, regimeChanges, ctx.enabled());

        volumeSpike = new VolumeSpikeDetector(ctx, flows, inputs, table, writer, capacity);
        tradeBurst = new TradeCountBurstDetector(ctx, flows, inputs, table, writer, capacity);
        bookImbalance = new BookImbalanceDetector(ctx, inputs, table, writer, capacity);
        spreadBlowout = new SpreadBlowoutDetector(ctx, inputs, table, writer, capacity);
        volatilityExpansion = new VolatilityExpansionDetector(
            ctx, returns, bars.timeframe(ctx.volatilityAtrTimeframe()), inputs, table, writer, capacity);
        breakout = new BreakoutDetector(ctx, flows, bars, inputs, table, writer, capacity);
        regimeShift = new RegimeShiftDetector(ctx, inputs, table, writer, capacity);
        liquidationCascade = new LiquidationCascadeDetector(ctx, inputs, table, writer, capacity);
        returnDistribution = new ReturnDistributionDetector(ctx, returns, inputs, table, writer, capacity);
        microstructure = new MicrostructureImbalanceDetector(ctx, inputs, table, writer, capacity);
        crossSectional = new CrossSectionalDetector(ctx, flows, inputs, table, writer, capacity);
        fundingDislocation = new FundingDislocationDetector(ctx, inputs, table, writer, capacity);
        detectors = new Detector[SweepInputs.DETECTORS];
        detectors[SweepInputs.VOLUME_SPIKE] = volumeSpike;
        detectors[SweepInputs.TRADE_COUNT_BURST] = tradeBurst;
        detectors[SweepInputs.BOOK_IMBALANCE] = bookImbalance;
        detectors[SweepInputs.SPREAD_BLOWOUT] = spreadBlowout;
        detectors[SweepInputs.VOLATILITY_EXPANSION] = volatilityExpansion;
        detectors[SweepInputs.BREAKOUT] = breakout;
        detectors[SweepInputs.REGIME_SHIFT] = regimeShift;
        detectors[SweepInputs.LIQUIDATION_CASCADE] = liquidationCascade;
        detectors[SweepInputs.RETURN_DISTRIBUTION] = returnDistribution;
        detectors[SweepInputs.MICROSTRUCTURE_IMBALANCE] = microstructure;
        detectors[SweepInputs.CROSS_SECTIONAL] = crossSectional;
        detectors[SweepInputs.FUNDING_DISLOCATION] = fundingDislocation;

        // The scalar kernel stripes its sums like the vector kernel's lanes, so both give the same bits.
        final boolean vectorAvailable = ScannerContext.isVectorApiAvailable();
        final int lanes = vectorAvailable ? VectorSweepKernel.preferredLanes() : ScannerContext.DEFAULT_SWEEP_LANES;
        if (ScannerConfiguration.SweepKernel.VECTOR == ctx.resolvedSweepKernel())
        {
            VectorSweepKernel.warmUp(ctx.sweepWarmup());
            kernel = new VectorSweepKernel();
        }
        else
        {
            kernel = new ScalarSweepKernel(lanes);
        }
        crossSectional.kernel(kernel);

        final PairsContext pairsCtx = ctx.pairs();
        pairs = pairsCtx.pairs().isEmpty() ? null : new PairsDetector(pairsCtx, sink);
        if (null != pairs && !ctx.enabled())
        {
            pairs.enabled(false);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        messagesIn.incrementRelease();
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            badMessage(ERROR_TRUNCATED, buffer, offset, length);
            return;
        }

        headerDecoder.wrap(buffer, offset);
        if (TradeDecoder.SCHEMA_ID != headerDecoder.schemaId())
        {
            badMessage(ERROR_WRONG_SCHEMA, buffer, offset, length);
            return;
        }

        final int blockLength = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (length - MessageHeaderDecoder.ENCODED_LENGTH < blockLength)
        {
            badMessage(ERROR_TRUNCATED, buffer, offset, length);
            return;
        }

        switch (headerDecoder.templateId())
        {
            case TradeDecoder.TEMPLATE_ID:
                if (checkBlock(blockLength, TradeDecoder.BLOCK_LENGTH, buffer, offset, length))
                {
                    tradeDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onTrade(buffer, offset, length);
                }
                break;

            case BestBidOfferDecoder.TEMPLATE_ID:
                if (checkBlock(blockLength, BestBidOfferDecoder.BLOCK_LENGTH, buffer, offset, length))
                {
                    bboDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onBestBidOffer(buffer, offset, length);
                }
                break;

            case BookLevelsDecoder.TEMPLATE_ID:
                if (checkBlock(blockLength, BookLevelsDecoder.BLOCK_LENGTH, buffer, offset, length))
                {
                    bookDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onBookLevels(buffer, offset, length);
                }
                break;

            case BarDecoder.TEMPLATE_ID:
                if (checkBlock(blockLength, BarDecoder.BLOCK_LENGTH, buffer, offset, length))
                {
                    barDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onBar(buffer, offset, length);
                }
                break;

            case FeedStatusDecoder.TEMPLATE_ID:
                if (checkBlock(blockLength, FeedStatusDecoder.BLOCK_LENGTH, buffer, offset, length))
                {
                    feedStatusDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onFeedStatus(buffer, offset, length);
                }
                break;

            case LiquidationDecoder.TEMPLATE_ID:
                if (checkBlock(blockLength, LiquidationDecoder.BLOCK_LENGTH, buffer, offset, length))
                {
                    liquidationDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onLiquidation(buffer, offset, length);
                }
                break;

            case MarkPriceDecoder.TEMPLATE_ID:
                if (checkBlock(blockLength, MarkPriceDecoder.BLOCK_LENGTH, buffer, offset, length))
                {
                    markPriceDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onMarkPrice(buffer, offset, length);
                }
                break;

            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                if (checkBlock(blockLength, InstrumentDefinitionDecoder.BLOCK_LENGTH, buffer, offset, length))
                {
                    definitionDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onInstrumentDefinition(buffer, offset, length);
                }
                break;

            default:
                // Depth updates and snapshots (the book arrives as BookLevels), statistics, tickers: not scanned.
                break;
        }
    }

    /**
     * Turn anomaly events on or off (e.g. per trading mode, or on a control command). While off, every indicator,
     * regime and detector state keeps updating and regime changes are still published, so switching on again is
     * immediate and does not release a backlog of stale events.
     *
     * @param enabled true to publish anomaly events.
     */
    public void enabled(final boolean enabled)
    {
        writer.anomaliesEnabled(enabled);
        if (null != pairs)
        {
            pairs.enabled(enabled);
        }
    }

    /**
     * Whether anomaly events are published.
     *
     * @return true if enabled.
     */
    public boolean isEnabled()
    {
        return writer.anomaliesEnabled();
    }

    /**
     * The concluded configuration.
     *
     * @return the context.
     */
    public ScannerContext context()
    {
        return ctx;
    }

    /**
     * Instruments with state in this scanner.
     *
     * @return the number of slots in use.
     */
    public int instrumentCount()
    {
        return table.count;
    }

    /**
     * Instruments the arrays currently hold before they grow.
     *
     * @return the capacity.
     */
    public int capacity()
    {
        return table.capacity();
    }

    /**
     * The latest event time of any instrument.
     *
     * @return epoch nanoseconds, {@link Long#MIN_VALUE} before the first timed message.
     */
    public long streamTimeNs()
    {
        return streamTimeNs;
    }

    /**
     * Sweeps run so far.
     *
     * @return the count.
     */
    public long sweepCount()
    {
        return sweeps;
    }

    /**
     * Messages taken so far, including ones ignored or rejected.
     *
     * @return the count.
     */
    public long messagesIn()
    {
        return messagesIn.get();
    }

    /**
     * Anomaly events published so far.
     *
     * @return the count.
     */
    public long anomalyCount()
    {
        return anomalies.get();
    }

    /**
     * Regime changes published so far.
     *
     * @return the count.
     */
    public long regimeChangeCount()
    {
        return regimeChanges.get();
    }

    /**
     * Book messages ignored because the instrument's feed was not live.
     *
     * @return the count.
     */
    public long booksIgnoredCount()
    {
        return booksIgnored.get();
    }

    /**
     * Messages whose event time was before their instrument's latest.
     *
     * @return the count.
     */
    public long lateEventCount()
    {
        return lateEvents.get();
    }

    /**
     * Bad messages by reason ({@code ERROR_*} codes) with samples; drain it off the hot path.
     *
     * @return the error log.
     */
    public SampledErrorLog errorLog()
    {
        return errorLog;
    }

    /**
     * Run the sweep now at {@code sweepTimeNs}, as the stream's event time does at each sweep boundary: for
     * benchmarks and tools that drive time themselves. Events it fires carry {@code sweepTimeNs} as their event time.
     * Does not move the stream's time; {@code sweepTimeNs} must not be before the previous sweep's or any
     * instrument's state.
     *
     * @param sweepTimeNs the sweep's event time.
     * @return candidates the kernel found (armed slots over a detector's threshold), before confirmation.
     */
    public int sweep(final long sweepTimeNs)
    {
        writer.eventTimeNs(sweepTimeNs);
        return runSweep(sweepTimeNs);
    }

    /**
     * Candidates the sweeps' kernel found so far, before confirmation from the exact state.
     *
     * @return the count.
     */
    public long sweepCandidateCount()
    {
        return candidates;
    }

    /**
     * The sweep kernel in use.
     *
     * @return {@link ScannerConfiguration.SweepKernel#SCALAR} or {@link ScannerConfiguration.SweepKernel#VECTOR}.
     */
    public ScannerConfiguration.SweepKernel sweepKernel()
    {
        return ctx.resolvedSweepKernel();
    }

    /**
     * Bytes of per-instrument state the bars and indicators of all six timeframes take, per instrument.
     *
     * @return bytes.
     */
    public long barBytesPerInstrument()
    {
        return bars.bytesPerSlot();
    }

    /**
     * Close the scanner's counters.
     */
    public void close()
    {
        CloseHelper.closeAll(pairs, messagesIn, anomalies, regimeChanges, badMessages, booksIgnored, lateEvents);
    }

    /**
     * The pairs detector the scanner feeds its trades, if pairs are configured.
     *
     * @return the detector, or null when no pair is configured.
     */
    public PairsDetector pairsDetector()
    {
        return pairs;
    }

    /**
     * A detector, for tests and diagnostics in this package.
     */
    Detector detector(final int index)
    {
        return detectors[index];
    }

    /**
     * The slot of an instrument, or {@link InstrumentTable#NO_SLOT}; for tests and diagnostics in this package.
     */
    int slotOf(final int instrumentId)
    {
        return table.slot(instrumentId);
    }

    /**
     * The sweep's inputs, for tests in this package.
     */
    SweepInputs inputs()
    {
        return inputs;
    }

    private void onTrade(final DirectBuffer buffer, final int offset, final int length)
    {
        final TradeDecoder trade = tradeDecoder;
        final int slot = slotFor(trade.instrumentId(), buffer, offset, length);
        if (NO_SLOT == slot)
        {
            return;
        }

        final byte priceExponent = trade.priceExponent();
        final double price = Decimals.toDouble(trade.price(), priceExponent);
        final double size = Decimals.toDouble(trade.size(), trade.sizeExponent());
        final short kind = trade.kindRaw();
        if (!(price > 0.0) || !(size > 0.0) || Double.isInfinite(price) || Double.isInfinite(size) ||
            (TradeKind.TRADE.value() != kind && TradeKind.AGG_TRADE.value() != kind))
        {
            badMessage(ERROR_BAD_VALUE, buffer, offset, length);
            return;
        }

        final long eventTimeNs = TradeDecoder.eventTimeNsNullValue() != trade.eventTimeNs() ?
            trade.eventTimeNs() : trade.tradeTimeNs();
        if (null != pairs && TradeDecoder.tradeTimeNsNullValue() != eventTimeNs)
        {
            // Pairs sample last prices on the trades' own event times; they keep their own late-trade rule.
            pairs.onTrade(
                trade.instrumentId(), eventTimeNs, trade.receiveTimeNs(), trade.publishTimeNs(), price, priceExponent);
        }
        final long timeNs = advanceTime(slot, eventTimeNs, trade.receiveTimeNs(), trade.publishTimeNs());

        final byte firstKind = tradeKind[slot];
        if (NO_TRADE_KIND == firstKind)
        {
            tradeKind[slot] = (byte)kind;
        }
        else if (firstKind != kind)
        {
            return;
        }

        table.lastTradePrice[slot] = price;
        table.priceExponent[slot] = priceExponent;
        if (NO_TIME == timeNs)
        {
            return;
        }

        final double notional = table.notional(slot, price, size);
        final short side = trade.aggressorSideRaw();
        final double signedNotional = Side.BUY.value() == side ? notional :
            Side.SELL.value() == side ? -notional : 0.0;

        // The fills of one taker order share its trade time: a new time is a new order.
        final long tradeTimeNs = TradeDecoder.tradeTimeNsNullValue() != trade.tradeTimeNs() ?
            trade.tradeTimeNs() : eventTimeNs;
        final boolean newOrder = tradeTimeNs != lastTradeTimeNs[slot];
        lastTradeTimeNs[slot] = tradeTimeNs;
        flows.advance(slot, timeNs);
        flows.add(slot, notional, signedNotional, newOrder);
        if (QUOTES_NONE == quoteSource[slot])
        {
            // Instruments with quotes sample their returns from the mid, free of the trades' bid-ask bounce.
            returns.onPrice(slot, timeNs, price);
        }
        final int closed = bars.onTrade(slot, timeNs, price, size);
        if (0 != closed)
        {
            onBarsClosed(slot, closed);
        }
        breakout.onPrice(slot);
        microstructure.onTrade(slot, timeNs, notional, signedNotional);
        if (crossEnabled)
        {
            crossSectional.onTrade(slot, price);
        }
        volumeSpike.afterTrade(slot, timeNs, price);
        tradeBurst.afterTrade(slot, timeNs, price);
    }

    private void onBestBidOffer(final DirectBuffer buffer, final int offset, final int length)
    {
        final BestBidOfferDecoder bbo = bboDecoder;
        final int slot = slotFor(bbo.instrumentId(), buffer, offset, length);
        if (NO_SLOT == slot)
        {
            return;
        }

        final long timeNs = advanceTime(slot, bbo.eventTimeNs(), bbo.receiveTimeNs(), bbo.publishTimeNs());
        final byte priceExponent = bbo.priceExponent();
        final byte sizeExponent = bbo.sizeExponent();
        final double bid = Decimals.toDouble(bbo.bidPrice(), priceExponent);
        final double ask = Decimals.toDouble(bbo.askPrice(), priceExponent);
        if (bid > 0.0 && ask > 0.0)
        {
            final double bidSize = Decimals.toDouble(bbo.bidSize(), sizeExponent);
            final double askSize = Decimals.toDouble(bbo.askSize(), sizeExponent);
            table.bidPrice[slot] = bid;
            table.askPrice[slot] = ask;
            table.bidSize[slot] = bidSize;
            table.askSize[slot] = askSize;
            table.priceExponent[slot] = priceExponent;
            quoteSource[slot] = QUOTES_BOOK_TICKER;
            if (NO_TIME != timeNs && ask > bid)
            {
                onTopOfBook(slot, timeNs, bid, bidSize, ask, askSize);
            }
        }
    }

    private void onBookLevels(final DirectBuffer buffer, final int offset, final int length)
    {
        final BookLevelsDecoder book = bookDecoder;
        final int slot = slotFor(book.instrumentId(), buffer, offset, length);
        if (NO_SLOT == slot)
        {
            return;
        }

        final int end = offset + length;
        final long timeNs = advanceTime(slot, book.eventTimeNs(), book.receiveTimeNs(), book.publishTimeNs());
        if (!table.isBookUsable(slot))
        {
            booksIgnored.incrementRelease();
            return;
        }

        final byte priceExponent = book.priceExponent();
        final byte sizeExponent = book.sizeExponent();
        if (!groupFits(buffer, book.limit(), end))
        {
            badMessage(ERROR_TRUNCATED, buffer, offset, length);
            return;
        }
        final BookLevelsDecoder.BidsDecoder bids = book.bids();
        double bestBid = 0.0;
        double bestBidSize = 0.0;
        double bidNotional = 0.0;
        for (int i = 0, count = bids.count(); i < count; i++)
        {
            bids.next();
            if (i < bookLevels)
            {
                final double price = Decimals.toDouble(bids.price(), priceExponent);
                final double size = Decimals.toDouble(bids.size(), sizeExponent);
                if (0 == i)
                {
                    bestBid = price;
                    bestBidSize = size;
                }
                if (price > 0.0 && size > 0.0)
                {
                    bidNotional += table.notional(slot, price, size);
                }
            }
        }

        if (!groupFits(buffer, book.limit(), end))
        {
            badMessage(ERROR_TRUNCATED, buffer, offset, length);
            return;
        }
        final BookLevelsDecoder.AsksDecoder asks = book.asks();
        double bestAsk = 0.0;
        double bestAskSize = 0.0;
        double askNotional = 0.0;
        for (int i = 0, count = asks.count(); i < count; i++)
        {
            asks.next();
            if (i < bookLevels)
            {
                final double price = Decimals.toDouble(asks.price(), priceExponent);
                final double size = Decimals.toDouble(asks.size(), sizeExponent);
                if (0 == i)
                {
                    bestAsk = price;
                    bestAskSize = size;
                }
                if (price > 0.0 && size > 0.0)
                {
                    askNotional += table.notional(slot, price, size);
                }
            }
        }

        if (bestBid > 0.0 && bestAsk > 0.0)
        {
            table.bidPrice[slot] = bestBid;
            table.askPrice[slot] = bestAsk;
            table.priceExponent[slot] = priceExponent;
            if (QUOTES_BOOK_TICKER != quoteSource[slot])
            {
                // Instruments with book tickers take their top of book from those: faster, and never counted twice.
                quoteSource[slot] = QUOTES_BOOK_LEVELS;
                table.bidSize[slot] = bestBidSize;
                table.askSize[slot] = bestAskSize;
                if (NO_TIME != timeNs && bestAsk > bestBid)
                {
                    onTopOfBook(slot, timeNs, bestBid, bestBidSize, bestAsk, bestAskSize);
                }
            }
        }
        if (NO_TIME != timeNs)
        {
            bookImbalance.onBook(slot, timeNs, bidNotional, askNotional);
        }
    }

    private void onTopOfBook(
        final int slot, final long timeNs, final double bid, final double bidSize, final double ask,
        final double askSize)
    {
        spreadBlowout.onQuote(slot, timeNs, bid, ask);
        returns.onPrice(slot, timeNs, 0.5 * (bid + ask));
        microstructure.onQuote(
            slot, timeNs, bid, table.notional(slot, bid, bidSize), ask, table.notional(slot, ask, askSize));
    }

    private void onBar(final DirectBuffer buffer, final int offset, final int length)
    {
        final BarDecoder bar = barDecoder;
        final int slot = slotFor(bar.instrumentId(), buffer, offset, length);
        if (NO_SLOT == slot)
        {
            return;
        }

        final long timeNs = advanceTime(slot, bar.eventTimeNs(), bar.receiveTimeNs(), bar.publishTimeNs());
        // Only closed 1m klines: longer timeframes are made of the 1m bars, so every timeframe agrees with them.
        if (BooleanType.TRUE.value() != bar.closedRaw() || BarInterval.M1.value() != bar.intervalRaw())
        {
            return;
        }

        final byte priceExponent = bar.priceExponent();
        final double open = Decimals.toDouble(bar.openPrice(), priceExponent);
        final double high = Decimals.toDouble(bar.highPrice(), priceExponent);
        final double low = Decimals.toDouble(bar.lowPrice(), priceExponent);
        final double close = Decimals.toDouble(bar.closePrice(), priceExponent);
        final double volume = Decimals.toDouble(bar.volume(), bar.sizeExponent());
        if (!(low > 0.0) || high < low || open < low || open > high || close < low || close > high ||
            Double.isInfinite(high) || !(volume >= 0.0))
        {
            badMessage(ERROR_BAD_VALUE, buffer, offset, length);
            return;
        }

        if (NO_TIME != timeNs)
        {
            final int closed = bars.onFeedBar(slot, bar.openTimeNs(), open, high, low, close, volume);
            if (0 != closed)
            {
                onBarsClosed(slot, closed);
            }
            breakout.onPrice(slot);
        }
    }

    private void onLiquidation(final DirectBuffer buffer, final int offset, final int length)
    {
        final LiquidationDecoder liquidation = liquidationDecoder;
        final int slot = slotFor(liquidation.instrumentId(), buffer, offset, length);
        if (NO_SLOT == slot)
        {
            return;
        }

        final long eventTimeNs = LiquidationDecoder.eventTimeNsNullValue() != liquidation.eventTimeNs() ?
            liquidation.eventTimeNs() : liquidation.tradeTimeNs();
        final long timeNs = advanceTime(slot, eventTimeNs, liquidation.receiveTimeNs(), liquidation.publishTimeNs());
        final byte priceExponent = liquidation.priceExponent();
        final byte sizeExponent = liquidation.sizeExponent();
        final double averagePrice = Decimals.toDouble(liquidation.averagePrice(), priceExponent);
        final double price = averagePrice > 0.0 ? averagePrice : Decimals.toDouble(liquidation.price(), priceExponent);
        final double filled = Decimals.toDouble(liquidation.filledQuantity(), sizeExponent);
        final double quantity = filled > 0.0 ? filled : Decimals.toDouble(liquidation.quantity(), sizeExponent);
        final short side = liquidation.sideRaw();
        if (!(price > 0.0) || !(quantity > 0.0) || Double.isInfinite(price) || Double.isInfinite(quantity) ||
            (Side.BUY.value() != side && Side.SELL.value() != side))
        {
            badMessage(ERROR_BAD_VALUE, buffer, offset, length);
            return;
        }
        if (NO_TIME != timeNs)
        {
            liquidationCascade.onLiquidation(
                slot, timeNs, Side.SELL.value() == side ? LiquidationFlow.SELL : LiquidationFlow.BUY,
                table.notional(slot, price, quantity));
        }
    }

    private void onMarkPrice(final DirectBuffer buffer, final int offset, final int length)
    {
        final MarkPriceDecoder mark = markPriceDecoder;
        final int slot = slotFor(mark.instrumentId(), buffer, offset, length);
        if (NO_SLOT == slot)
        {
            return;
        }

        final long timeNs = advanceTime(slot, mark.eventTimeNs(), mark.receiveTimeNs(), mark.publishTimeNs());
        final byte priceExponent = mark.priceExponent();
        final double markPrice = Decimals.toDouble(mark.markPrice(), priceExponent);
        final long indexMantissa = mark.indexPrice();
        if (!(markPrice > 0.0) || Double.isInfinite(markPrice) ||
            (MarkPriceDecoder.indexPriceNullValue() != indexMantissa && indexMantissa <= 0))
        {
            badMessage(ERROR_BAD_VALUE, buffer, offset, length);
            return;
        }
        if (NO_TIME == timeNs || MarkPriceDecoder.indexPriceNullValue() == indexMantissa)
        {
            return;
        }
        final Decimal64Decoder fundingRate = mark.fundingRate();
        final long fundingMantissa = fundingRate.mantissa();
        final double funding = Decimal64Decoder.mantissaNullValue() != fundingMantissa ?
            Decimals.toDouble(fundingMantissa, fundingRate.exponent()) : Double.NaN;
        fundingDislocation.onMark(slot, timeNs, markPrice, Decimals.toDouble(indexMantissa, priceExponent), funding);
    }

    private void onFeedStatus(final DirectBuffer buffer, final int offset, final int length)
    {
        final FeedStatusDecoder status = feedStatusDecoder;
        final int slot = slotFor(status.instrumentId(), buffer, offset, length);
        if (NO_SLOT == slot)
        {
            return;
        }

        advanceTime(slot, status.eventTimeNs(), status.receiveTimeNs(), status.publishTimeNs());
        short state = status.stateRaw();
        if (state < FeedState.SYNCING.value() || state > FeedState.RESYNCING.value())
        {
            badMessage(ERROR_BAD_VALUE, buffer, offset, length);
            state = FeedState.STALE.value();
        }
        table.feedState[slot] = state;
        if (FeedState.LIVE.value() != state)
        {
            bookImbalance.onBookNotLive(slot);
        }
    }

    private void onInstrumentDefinition(final DirectBuffer buffer, final int offset, final int length)
    {
        final InstrumentDefinitionDecoder definition = definitionDecoder;
        final int slot = slotFor(definition.instrumentId(), buffer, offset, length);
        if (NO_SLOT == slot)
        {
            return;
        }

        table.priceExponent[slot] = definition.priceExponent();
        table.inverse[slot] = Venue.BINANCE_COINM.value() == definition.venueRaw();
        final boolean tradable = InstrumentStatus.TRADING.value() == definition.statusRaw();
        table.tradable[slot] = tradable;
        inputs.tradable(slot, tradable);
        final Decimal64Decoder contractSize = definition.contractSize();
        final long mantissa = contractSize.mantissa();
        final double value = Decimal64Decoder.mantissaNullValue() != mantissa ?
            Decimals.toDouble(mantissa, contractSize.exponent()) : 1.0;
        table.contractSize[slot] = value > 0.0 ? value : 1.0;
    }

    private void onBarsClosed(final int slot, final int timeframes)
    {
        if (0 != (timeframes & volatilityTimeframeBit))
        {
            volatilityExpansion.onBars(slot);
        }
        if (0 != (timeframes & breakoutTimeframeBit))
        {
            breakout.onBars(slot);
        }
        if (0 != (timeframes & regimeTimeframeBit))
        {
            classify(slot);
        }
    }

    private void classify(final int slot)
    {
        if (regimeBars.bars(slot) >= regimeWarmupBars &&
            classifier.classify(
                regimeBars.close(slot),
                regimeBars.atr(slot),
                regimeBars.ema(slot),
                regimeBars.adx(slot),
                regimeBars.plusDi(slot),
                regimeBars.minusDi(slot),
                regimeBars.rangeWidth(slot),
                regimeResult) &&
            regimes.onClassified(slot, regimeResult))
        {
            writer.regimeChange(slot, regimeResult);
            regimeShift.onRegimeChange(
                slot, regimeResult, regimes.previousVolatilityRegime(slot), regimes.previousTrendRegime(slot));
        }
    }

    /**
     * Move the instrument's and the stream's clocks to the message's time, running the sweep first if the message
     * crosses a sweep boundary, and set the timestamps of the events the message may trigger.
     *
     * @return the instrument's time for the message, or {@code NO_TIME} if neither it nor the stream has one yet.
     */
    private long advanceTime(
        final int slot, final long messageEventTimeNs, final long receiveTimeNs, final long publishTimeNs)
    {
        final long lastNs = table.lastEventTimeNs[slot];
        long timeNs = messageEventTimeNs;
        if (timeNs <= 0 || (0 != maxEventTimeSkewNs && Math.abs(timeNs - receiveTimeNs) > maxEventTimeSkewNs))
        {
            timeNs = NO_TIME != lastNs ? lastNs : streamTimeNs;
            if (NO_TIME == timeNs)
            {
                writer.triggeredBy(NO_TIME, receiveTimeNs, publishTimeNs);
                return NO_TIME;
            }
        }
        final long reportedTimeNs = timeNs;
        if (NO_TIME != lastNs && timeNs < lastNs)
        {
            lateEvents.incrementRelease();
            timeNs = lastNs;
        }
        table.lastEventTimeNs[slot] = timeNs;

        if (timeNs >= nextSweepNs)
        {
            final long boundaryNs = Math.floorDiv(timeNs, sweepIntervalNs) * sweepIntervalNs;
            if (NO_TIME != nextSweepNs)
            {
                writer.triggeredBy(boundaryNs, receiveTimeNs, publishTimeNs);
                runSweep(boundaryNs);
            }
            nextSweepNs = boundaryNs + sweepIntervalNs;
        }
        if (timeNs > streamTimeNs)
        {
            streamTimeNs = timeNs;
        }

        writer.triggeredBy(reportedTimeNs, receiveTimeNs, publishTimeNs);
        return timeNs;
    }

    private int runSweep(final long sweepTimeNs)
    {
        final int count = table.count;
        if (crossEnabled)
        {
            crossSectional.prepare(sweepTimeNs, count);
        }
        final Detector[] detectors = this.detectors;
        for (int d = 0; d < detectors.length; d++)
        {
            detectors[d].rearm(sweepTimeNs);
        }

        final int found = kernel.scan(inputs, count);
        final int[] list = inputs.candidates;
        final int[] bits = inputs.bits;
        for (int k = 0; k < found; k++)
        {
            final int slot = list[k];
            int detectorBits = bits[slot];
            while (0 != detectorBits)
            {
                detectors[Integer.numberOfTrailingZeros(detectorBits)].onCandidate(slot, sweepTimeNs);
                detectorBits &= detectorBits - 1;
            }
        }
        sweeps++;
        candidates += found;
        return found;
    }

    private static int enabledMask(final ScannerContext ctx)
    {
        return (ctx.volumeSpikeEnabled() ? 1 << SweepInputs.VOLUME_SPIKE : 0) |
            (ctx.tradeBurstEnabled() ? 1 << SweepInputs.TRADE_COUNT_BURST : 0) |
            (ctx.bookImbalanceEnabled() ? 1 << SweepInputs.BOOK_IMBALANCE : 0) |
            (ctx.spreadEnabled() ? 1 << SweepInputs.SPREAD_BLOWOUT : 0) |
            (ctx.volatilityEnabled() ? 1 << SweepInputs.VOLATILITY_EXPANSION : 0) |
            (ctx.breakoutEnabled() ? 1 << SweepInputs.BREAKOUT : 0) |
            (ctx.regimeShiftEnabled() ? 1 << SweepInputs.REGIME_SHIFT : 0) |
            (ctx.liquidationEnabled() ? 1 << SweepInputs.LIQUIDATION_CASCADE : 0) |
            (ctx.distributionEnabled() ? 1 << SweepInputs.RETURN_DISTRIBUTION : 0) |
            (ctx.microstructureEnabled() ? 1 << SweepInputs.MICROSTRUCTURE_IMBALANCE : 0) |
            (ctx.crossEnabled() ? 1 << SweepInputs.CROSS_SECTIONAL : 0) |
            (ctx.fundingEnabled() ? 1 << SweepInputs.FUNDING_DISLOCATION : 0);
    }

    private int slotFor(final int instrumentId, final DirectBuffer buffer, final int offset, final int length)
    {
        if (instrumentId <= 0)
        {
            badMessage(ERROR_BAD_INSTRUMENT, buffer, offset, length);
            return NO_SLOT;
        }
        if (shardIndex != instrumentId % shardCount)
        {
            return NO_SLOT;
        }

        final int slot = table.slot(instrumentId);
        return NO_SLOT != slot ? slot : addInstrument(instrumentId);
    }

    private int addInstrument(final int instrumentId)
    {
        final int capacity = table.capacity();
        if (table.count == capacity)
        {
            grow(capacity * 2);
        }
        final int slot = table.add(instrumentId);
        tradeKind[slot] = NO_TRADE_KIND;
        quoteSource[slot] = QUOTES_NONE;
        lastTradeTimeNs[slot] = NO_TIME;
        inputs.reset(slot, table.tradable[slot]);
        return slot;
    }

    private void grow(final int capacity)
    {
        table.ensureCapacity(capacity);
        inputs.ensureCapacity(capacity);
        tradeKind = Arrays.copyOf(tradeKind, capacity);
        quoteSource = Arrays.copyOf(quoteSource, capacity);
        lastTradeTimeNs = Arrays.copyOf(lastTradeTimeNs, capacity);
        flows.ensureCapacity(capacity);
        returns.ensureCapacity(capacity);
        bars.ensureCapacity(capacity);
        regimes.ensureCapacity(capacity);
        for (final Detector detector : detectors)
        {
            detector.ensureCapacity(capacity);
        }
    }

    private boolean checkBlock(
        final int blockLength, final int expected, final DirectBuffer buffer, final int offset, final int length)
    {
        if (blockLength < expected)
        {
            badMessage(ERROR_TRUNCATED, buffer, offset, length);
            return false;
        }
        return true;
    }

    private static boolean groupFits(final DirectBuffer buffer, final int groupOffset, final int end)
    {
        if (groupOffset + GROUP_HEADER_LENGTH > end)
        {
            return false;
        }
        final int blockLength = buffer.getShort(groupOffset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int count = buffer.getShort(groupOffset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        return blockLength >= LEVEL_LENGTH &&
            (long)groupOffset + GROUP_HEADER_LENGTH + (long)blockLength * count <= end;
    }

    private void badMessage(final int reason, final DirectBuffer buffer, final int offset, final int length)
    {
        errorLog.record(reason, buffer, offset, length, -1, clock.nanoTime());
    }
}
