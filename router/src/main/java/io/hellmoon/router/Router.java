/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.HellmoonConfiguration;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.router.risk.CostParameters;
import io.hellmoon.router.risk.ExitPolicy;
import io.hellmoon.router.risk.PositionSizer;
import io.hellmoon.router.risk.Regimes;
import io.hellmoon.router.risk.SizingResult;
import io.hellmoon.router.risk.SymbolPerformance;
import io.hellmoon.router.risk.SymbolStats;
import io.hellmoon.router.sdl.ConditionType;
import io.hellmoon.router.sdl.StrategyLoadException;
import io.hellmoon.codecs.Timeframe;
import io.hellmoon.router.state.BarSeries;
import io.hellmoon.router.state.InstrumentSpec;
import io.hellmoon.router.state.MarketState;
import io.hellmoon.router.state.PositionBook;
import io.hellmoon.router.strategy.CompiledStrategy;
import io.hellmoon.router.strategy.ReloadResult;
import io.hellmoon.router.strategy.StrategyDefaults;
import io.hellmoon.router.strategy.StrategyRepository;
import io.hellmoon.router.strategy.StrategySet;
import io.hellmoon.sbe.AnomalyEventDecoder;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.BarDecoder;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.ControlCommandDecoder;
import io.hellmoon.sbe.ControlCommandType;
import io.hellmoon.sbe.DecisionEncoder;
import io.hellmoon.sbe.DecisionOutcome;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.ExecutionReportDecoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.OrderIntentEncoder;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderStatus;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.PositionUpdateDecoder;
import io.hellmoon.sbe.RegimeChangeDecoder;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TimeInForce;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.TradingMode;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.SystemUtil;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Hellmoon router's core: turns every {@code AnomalyEvent} into exactly one {@code Decision} (taken, or rejected
 * with the reason and a detail naming the rule) and, when taken, one sized {@code OrderIntent}.
 * <p>
 * <b>Inputs</b> ({@link #onMessage}, any mix of streams): from the scan stream {@code AnomalyEvent} and
 * {@code RegimeChange}; from the market-data stream {@code InstrumentDefinition}, {@code BestBidOffer},
 * {@code BookLevels}, {@code Trade}, {@code Bar} and {@code FeedStatus}; from the execution stream
 * {@code ExecutionReport} and {@code PositionUpdate}; from the control stream {@code ControlCommand}. Other messages
 * are ignored; messages of another schema or too short are counted and sampled as errors.
 * <p>
 * <b>One decision per anomaly.</b> The strategies the anomaly's type triggers are evaluated in priority order; the
 * first that takes it wins and no further strategy is tried (one order per anomaly). If none takes it, the decision
 * reports the rejection of the strategy that got furthest through the checks below (the first such in priority
 * order on a tie), which is the most informative reason. An anomaly no strategy handles is rejected
 * {@code NO_MATCHING_STRATEGY} with an empty strategy id. The decision id is the anomaly id with the router id in
 * its top byte ({@code anomalyId ^ routerId << 56}), and a taken decision's order has the same id as its
 * {@code clOrdId}: unique per router, and the same again if an anomaly is replayed, so the executor can discard
 * duplicates.
 * <p>
 * <b>Checks, in order</b>: kill switch; Hellmoon enabled for the mode; symbol disabled by the operator; strategy
 * matching (anomaly type, symbol list); {@code hellmoon_compatible} and allowed modes; score; direction; regime
 * filter; confirmations; cooldown; market data (instrument defined, feed LIVE, quote fresh, signal latency within
 * {@code cancel_if_latency_ms}); ATR known; symbol performance (disabled after losses); position already open, open
 * positions per strategy and overall, gross exposure; then sizing and costs (see {@link PositionSizer}).
 * <p>
 * <b>Threading</b>: one thread (the {@link RouterAgent}'s) calls every method. The decision path allocates nothing
 * once strategies are loaded, instruments defined and the JIT warm: arrays and enum raw values, preallocated
 * encoders and a preallocated detail buffer. Control commands, instrument definitions and statistics writes are not
 * on that path.
 */
public final class Router implements SbeHandler, AutoCloseable
{
    private static final int STAGE_GLOBAL = 0;
    private static final int STAGE_MATCH = 1;
    private static final int STAGE_STRATEGY = 2;
    private static final int STAGE_SCORE = 3;
    private static final int STAGE_DIRECTION = 4;
    private static final int STAGE_REGIME = 5;
    private static final int STAGE_CONFIRMATION = 6;
    private static final int STAGE_COOLDOWN = 7;
    private static final int STAGE_MARKET_DATA = 8;
    private static final int STAGE_SYMBOL = 9;
    private static final int STAGE_POSITIONS = 10;
    private static final int STAGE_SIZING = 11;

    private static final int CONFIRMED = 0;
    private static final int NOT_CONFIRMED = 1;
    private static final int NO_DATA = 2;

    private static final int ERROR_SHORT_MESSAGE = 0;
    private static final int ERROR_WRONG_SCHEMA = 1;
    private static final int ERROR_BAD_INSTRUMENT = 2;
    private static final int ERROR_BAD_DEFINITION = 3;
    private static final String[] ERROR_NAMES =
        { "SHORT_MESSAGE", "WRONG_SCHEMA", "BAD_INSTRUMENT_ID", "BAD_INSTRUMENT_DEFINITION" };

    private static final String[] ANOMALY_NAMES = names(AnomalyType.values(), AnomalyType::value);
    private static final String[] DIRECTION_NAMES = names(Direction.values(), Direction::value);
    private static final String[] VOLATILITY_NAMES = names(VolatilityRegime.values(), VolatilityRegime::value);
    private static final String[] TREND_NAMES = names(TrendRegime.values(), TrendRegime::value);
    private static final String[] FEED_STATE_NAMES = names(FeedState.values(), FeedState::value);
    private static final AnomalyType[] ANOMALY_TYPES = table(AnomalyType.values(), AnomalyType::value);
    private static final VolatilityRegime[] VOLATILITY_REGIMES =
        table(VolatilityRegime.values(), VolatilityRegime::value);
    private static final TrendRegime[] TREND_REGIMES = table(TrendRegime.values(), TrendRegime::value);

    private static final long NO_COOLDOWN = Long.MIN_VALUE;
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Context ctx;
    private final MessageSink sink;
    private final EpochNanoClock clock;
    private final StrategyRepository repository;
    private final SymbolPerformance performance;
    private final InstrumentRegistry registry;
    private final MarketState market;
    private final PositionBook positions;
    private final Long2LongHashMap lastTakenNs = new Long2LongHashMap(256, 0.65f, NO_COOLDOWN);
    private final List<InstrumentSpec> knownInstruments = new ArrayList<>();
    private final Map<String, Integer> instrumentIdsByName = new HashMap<>();
    private InstrumentSpec[] instruments = new InstrumentSpec[64];
    private boolean[] operatorDisabled = new boolean[64];

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final AnomalyEventDecoder anomalyDecoder = new AnomalyEventDecoder();
    private final RegimeChangeDecoder regimeDecoder = new RegimeChangeDecoder();
    private final InstrumentDefinitionDecoder definitionDecoder = new InstrumentDefinitionDecoder();
    private final BestBidOfferDecoder bboDecoder = new BestBidOfferDecoder();
    private final BookLevelsDecoder bookDecoder = new BookLevelsDecoder();
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final BarDecoder barDecoder = new BarDecoder();
    private final FeedStatusDecoder feedStatusDecoder = new FeedStatusDecoder();
    private final ExecutionReportDecoder executionDecoder = new ExecutionReportDecoder();
    private final PositionUpdateDecoder positionDecoder = new PositionUpdateDecoder();
    private final ControlCommandDecoder controlDecoder = new ControlCommandDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final DecisionEncoder decisionEncoder = new DecisionEncoder();
    private final OrderIntentEncoder intentEncoder = new OrderIntentEncoder();
    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(4096));

    private final AsciiText detail = new AsciiText(512);
    private final AsciiText bestDetail = new AsciiText(512);
    private final SizingResult sizing = new SizingResult();

    private final AtomicCounter messagesIn;
    private final AtomicCounter decisionsTaken;
    private final AtomicCounter decisionsRejected;
    private final AtomicCounter errors;
    private final AtomicCounter reloadFailures;
    private final AtomicCounter notPublished;
    private final SampledErrorLog errorLog;

    private StrategySet activeSet;
    private final long routerIdBits;
    private final int modeRaw;
    private final double maxGrossNotional;
    private boolean killSwitch;
    private boolean hellmoonPaperEnabled;
    private boolean hellmoonLiveEnabled;
    private long nextStatsFlushNs;
    private ReloadResult lastReload;

    // The anomaly being decided.
    private long anomalyId;
    private int instrumentId;
    private long eventTimeNs;
    private long receiveTimeNs;
    private long sourcePublishTimeNs;
    private long nowNs;
    private int anomalyTypeRaw;
    private int directionRaw;
    private double score;
    private int volatilityRaw;
    private int trendRaw;
    private int priceExponent;
    private long priceMantissa;
    private double price;
    private double atr;
    private InstrumentSpec instrument;

    // The decision so far: the furthest rejection, or the take.
    private int bestStage;
    private RejectReason bestReason;
    private CompiledStrategy bestStrategy;
    private boolean bestHasNumbers;
    private boolean taken;
    private Side bestSide;
    private long bestEntry;
    private long bestStop;
    private long bestTarget;
    private long bestQuantity;
    private double bestRiskAmount;
    private double bestSizeFactor;
    private double bestExpectedCost;
    private double bestCostInR;

    /**
     * A router. The context must be concluded: its strategies are loaded and its statistics read.
     *
     * @param ctx      concluded context.
     * @param sink     where decisions and order intents go (the intent stream).
     * @param counters factory for the router's counters.
     */
    public Router(final Context ctx, final MessageSink sink, final CounterFactory counters)
    {
        if (!ctx.isConcluded)
        {
            throw new IllegalStateException("conclude() the context first");
        }
        this.ctx = ctx;
        this.sink = sink;
        this.clock = ctx.clock;
        this.repository = ctx.strategyRepository;
        this.performance = ctx.symbolPerformance;
        this.registry = null != ctx.instrumentRegistry ? ctx.instrumentRegistry : new InstrumentRegistry();
        this.market = new MarketState(256);
        this.positions = new PositionBook(256);
        this.routerIdBits = (long)ctx.routerId << 56;
        this.modeRaw = ctx.mode.value();
        this.maxGrossNotional = ctx.maxGrossExposure * ctx.equity;
        this.hellmoonPaperEnabled = ctx.hellmoonPaperEnabled;
        this.hellmoonLiveEnabled = ctx.hellmoonLiveEnabled;

        this.messagesIn = counters.newCounter(HellmoonCounters.MESSAGES_IN_TYPE_ID, "router: messages in");
        this.decisionsTaken = counters.newCounter(HellmoonCounters.DECISIONS_TAKEN_TYPE_ID, "router: decisions taken");
        this.decisionsRejected =
            counters.newCounter(HellmoonCounters.DECISIONS_REJECTED_TYPE_ID, "router: decisions rejected");
        this.errors = counters.newCounter(HellmoonCounters.DECODE_ERRORS_TYPE_ID, "router: bad input");
        this.reloadFailures = counters.newCounter(HellmoonCounters.GENERIC_TYPE_ID, "router: strategy reload failures");
        this.notPublished = counters.newCounter(HellmoonCounters.DROPS_TYPE_ID, "router: messages not published");
        this.errorLog = new SampledErrorLog("router", ERROR_NAMES, errors);

        registry.forEach((instrument) -> defineInstrument(new InstrumentSpec(
            instrument.id(), instrument.symbol(), instrument.key(), instrument.kind(), instrument.priceExponent(),
            instrument.sizeExponent(), instrument.tickSize(), instrument.stepSize(), instrument.minQty(),
            instrument.minNotional())));
        activate(repository.current());
    }

    /**
     * {@inheritDoc}
     */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        messagesIn.incrementRelease();
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            errorLog.record(ERROR_SHORT_MESSAGE, buffer, offset, length, 0, clock.nanoTime());
            return;
        }
        headerDecoder.wrap(buffer, offset);
        if (AnomalyEventDecoder.SCHEMA_ID != headerDecoder.schemaId())
        {
            errorLog.record(ERROR_WRONG_SCHEMA, buffer, offset, length, 0, clock.nanoTime());
            return;
        }
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + headerDecoder.blockLength())
        {
            errorLog.record(ERROR_SHORT_MESSAGE, buffer, offset, length, 0, clock.nanoTime());
            return;
        }

        switch (headerDecoder.templateId())
        {
            case AnomalyEventDecoder.TEMPLATE_ID:
                anomalyDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                onAnomaly();
                break;

            case RegimeChangeDecoder.TEMPLATE_ID:
                regimeDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                onRegimeChange(buffer, offset, length);
                break;

            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                definitionDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                onInstrumentDefinition(buffer, offset, length);
                break;

            case BestBidOfferDecoder.TEMPLATE_ID:
                bboDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                onBestBidOffer(buffer, offset, length);
                break;

            case BookLevelsDecoder.TEMPLATE_ID:
                bookDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                onBookLevels(buffer, offset, length);
                break;

            case TradeDecoder.TEMPLATE_ID:
                tradeDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                onTrade(buffer, offset, length);
                break;

            case BarDecoder.TEMPLATE_ID:
                barDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                onBar(buffer, offset, length);
                break;

            case FeedStatusDecoder.TEMPLATE_ID:
                feedStatusDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                onFeedStatus(buffer, offset, length);
                break;

            case ExecutionReportDecoder.TEMPLATE_ID:
                executionDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                onExecutionReport(buffer, offset, length);
                break;

            case PositionUpdateDecoder.TEMPLATE_ID:
                positionDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                onPositionUpdate(buffer, offset, length);
                break;

            case ControlCommandDecoder.TEMPLATE_ID:
                controlDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                onControlCommand();
                break;

            default:
                break;
        }
    }

    /**
     * Periodic work off the decision path: write the symbol statistics when they changed and the flush interval
     * has passed, and drain error samples to the context's error output.
     *
     * @param nowNs current time.
     * @return work done, 0 when none.
     */
    public int doHousekeeping(final long nowNs)
    {
        int workCount = 0;
        if (performance.isDirty() && nowNs - nextStatsFlushNs >= 0)
        {
            nextStatsFlushNs = nowNs + ctx.statsFlushIntervalNs;
            saveStatistics();
            workCount++;
        }
        workCount += errorLog.drain(ctx.errorOutput, 16);
        return workCount;
    }

    /**
     * Load the strategy folder again; a bad folder keeps the current strategies, counts the failure and reports
     * every error to the context's error handler. Not on the decision path.
     *
     * @return the outcome.
     */
    public ReloadResult reloadStrategies()
    {
        final ReloadResult result = repository.reload();
        lastReload = result;
        if (!result.success())
        {
            reloadFailures.incrementRelease();
            ctx.errorHandler.onError(new StrategyLoadException(result.folder(), result.errors()));
        }
        activate(repository.current());
        return result;
    }

    /**
     * The outcome of the last reload requested through this router.
     *
     * @return the result, or null when there was none.
     */
    public ReloadResult lastReload()
    {
        return lastReload;
    }

    /**
     * The strategies in use.
     *
     * @return the current set.
     */
    public StrategySet strategies()
    {
        return repository.current();
    }

    /**
     * The strategy repository.
     *
     * @return the repository.
     */
    public StrategyRepository repository()
    {
        return repository;
    }

    /**
     * Per-symbol performance.
     *
     * @return the statistics.
     */
    public SymbolPerformance symbolPerformance()
    {
        return performance;
    }

    /**
     * Positions as the router sees them.
     *
     * @return the book.
     */
    public PositionBook positions()
    {
        return positions;
    }

    /**
     * Market state as the router sees it.
     *
     * @return the state.
     */
    public MarketState marketState()
    {
        return market;
    }

    /**
     * The instruments known, for rendering.
     *
     * @return the registry.
     */
    public InstrumentRegistry instrumentRegistry()
    {
        return registry;
    }

    /**
     * Decisions taken so far.
     *
     * @return the count.
     */
    public long decisionsTaken()
    {
        return decisionsTaken.get();
    }

    /**
     * Decisions rejected so far.
     *
     * @return the count.
     */
    public long decisionsRejected()
    {
        return decisionsRejected.get();
    }

    /**
     * Bad input messages so far.
     *
     * @return the count.
     */
    public long errorCount()
    {
        return errorLog.totalCount();
    }

    /**
     * Whether the kill switch is engaged.
     *
     * @return true if engaged.
     */
    public boolean isKillSwitchEngaged()
    {
        return killSwitch;
    }

    /**
     * Write the statistics now.
     */
    public void saveStatistics()
    {
        try
        {
            performance.save(ctx.statsFile);
        }
        catch (final RuntimeException ex)
        {
            ctx.errorHandler.onError(ex);
        }
    }

    /**
     * Write the statistics and close the counters.
     */
    public void close()
    {
        if (performance.isDirty())
        {
            saveStatistics();
        }
        CloseHelper.closeAll(messagesIn, decisionsTaken, decisionsRejected, errors, reloadFailures, notPublished);
    }

    // ------------------------------------------------ decision path ------------------------------------------------

    private void onAnomaly()
    {
        final AnomalyEventDecoder anomaly = anomalyDecoder;
        nowNs = clock.nanoTime();
        final StrategySet set = repository.current();
        if (set != activeSet)
        {
            activate(set);
        }

        anomalyId = anomaly.anomalyId();
        instrumentId = anomaly.instrumentId();
        receiveTimeNs = anomaly.receiveTimeNs();
        final long eventTime = anomaly.eventTimeNs();
        eventTimeNs = AnomalyEventDecoder.eventTimeNsNullValue() == eventTime ? receiveTimeNs : eventTime;
        sourcePublishTimeNs = anomaly.publishTimeNs();
        anomalyTypeRaw = anomaly.anomalyTypeRaw();
        directionRaw = anomaly.directionRaw();
        score = anomaly.score();
        volatilityRaw = anomaly.volatilityRegimeRaw();
        trendRaw = anomaly.trendRegimeRaw();
        priceExponent = anomaly.priceExponent();
        priceMantissa = anomaly.price();
        atr = anomaly.atr();
        price = priceExponent >= -18 && priceExponent <= 18 ? FixedPoint.toDouble(priceMantissa, priceExponent) : 0;
        instrument = instrumentId >= 0 && instrumentId < instruments.length ? instruments[instrumentId] : null;

        final boolean stateKnown = market.contains(instrumentId);
        if (stateKnown)
        {
            if (Regimes.indexOfRaw(volatilityRaw) < 0)
            {
                volatilityRaw = market.volatilityRegime(instrumentId);
            }
            if (!isTrend(trendRaw))
            {
                trendRaw = market.trendRegime(instrumentId);
            }
            if (Regimes.indexOfRaw(volatilityRaw) >= 0 && isTrend(trendRaw))
            {
                market.onRegime(instrumentId, (byte)volatilityRaw, (byte)trendRaw, (byte)0, receiveTimeNs);
            }
        }

        bestStage = -1;
        bestReason = RejectReason.NO_MATCHING_STRATEGY;
        bestStrategy = null;
        bestHasNumbers = false;
        bestSide = Side.NULL_VAL;
        taken = false;
        bestDetail.reset();

        if (killSwitch)
        {
            reject(STAGE_GLOBAL, RejectReason.KILL_SWITCH, null, detail.reset().append("kill switch engaged"));
        }
        else if (!isHellmoonEnabled())
        {
            reject(STAGE_GLOBAL, RejectReason.HELLMOON_DISABLED, null, detail.reset()
                .append("Hellmoon signals are switched off for ").append(modeName(modeRaw)).append(" mode"));
        }
        else if (instrumentId >= 0 && instrumentId < operatorDisabled.length && operatorDisabled[instrumentId])
        {
            reject(STAGE_GLOBAL, RejectReason.SYMBOL_DISABLED, null, detail.reset()
                .append("symbol disabled by operator command"));
        }
        else
        {
            final int[] candidates = set.forAnomalyType(anomalyTypeRaw);
            boolean matched = false;
            for (final int index : candidates)
            {
                final CompiledStrategy strategy = set.get(index);
                if (!strategy.tradesInstrument(instrumentId))
                {
                    continue;
                }
                matched = true;
                if (evaluate(strategy))
                {
                    break;
                }
            }
            if (!matched)
            {
                detail.reset().append("no strategy handles ").append(name(ANOMALY_NAMES, anomalyTypeRaw));
                if (candidates.length > 0)
                {
                    detail.append(" for this symbol");
                }
                reject(STAGE_MATCH, RejectReason.NO_MATCHING_STRATEGY, null, detail);
            }
        }

        publishDecision();
    }

    private boolean evaluate(final CompiledStrategy strategy)
    {
        final AsciiText text = detail.reset();
        if (!strategy.isHellmoonCompatible())
        {
            return reject(STAGE_STRATEGY, RejectReason.HELLMOON_DISABLED, strategy,
                text.append("live_settings.hellmoon_compatible is false"));
        }
        if (!strategy.allowsMode(modeRaw))
        {
            return reject(STAGE_STRATEGY, RejectReason.MODE_NOT_ALLOWED, strategy,
                text.append("live_settings.allowed_modes excludes ").append(modeName(modeRaw)));
        }

        final double minScore = strategy.minScore(anomalyTypeRaw);
        if (!(score >= minScore))
        {
            return reject(STAGE_SCORE, RejectReason.SCORE_BELOW_MINIMUM, strategy,
                text.append("score ").append(score, 2).append(" < min_score ").append(minScore, 2).append(" for ")
                    .append(name(ANOMALY_NAMES, anomalyTypeRaw)));
        }

        final int directionBit = Direction.UP.value() == directionRaw ? CompiledStrategy.DIRECTION_UP :
            Direction.DOWN.value() == directionRaw ? CompiledStrategy.DIRECTION_DOWN : 0;
        if (0 == (strategy.directionMask(anomalyTypeRaw) & directionBit))
        {
            return reject(STAGE_DIRECTION, RejectReason.DIRECTION_NOT_ALLOWED, strategy,
                text.append("direction ").append(name(DIRECTION_NAMES, directionRaw))
                    .append(" not in directions for ").append(name(ANOMALY_NAMES, anomalyTypeRaw)));
        }
        final boolean buy = (CompiledStrategy.DIRECTION_UP == directionBit) != strategy.fades(anomalyTypeRaw);
        final Side side = buy ? Side.BUY : Side.SELL;

        if (!inMask(strategy.volatilityMask(), volatilityRaw))
        {
            return reject(STAGE_REGIME, RejectReason.REGIME_FILTER, strategy, side,
                text.append("volatility regime ").append(name(VOLATILITY_NAMES, volatilityRaw))
                    .append(" not in regime_filter.volatility"));
        }
        if (!inMask(strategy.trendMask(), trendRaw))
        {
            return reject(STAGE_REGIME, RejectReason.REGIME_FILTER, strategy, side,
                text.append("trend regime ").append(name(TREND_NAMES, trendRaw)).append(" not in regime_filter.trend"));
        }

        for (int i = 0; i < strategy.confirmationCount(); i++)
        {
            text.reset().append(strategy.confirmationLabel(i));
            final int result = confirm(strategy, i, buy, text);
            if (CONFIRMED != result)
            {
                return reject(STAGE_CONFIRMATION, RejectReason.CONFIRMATION_FAILED, strategy, side, text);
            }
        }
        text.reset();

        final long cooldownNs = strategy.cooldownNs();
        if (cooldownNs > 0)
        {
            final long lastNs = lastTakenNs.get(cooldownKey(strategy));
            if (NO_COOLDOWN != lastNs && receiveTimeNs - lastNs < cooldownNs)
            {
                return reject(STAGE_COOLDOWN, RejectReason.STRATEGY_COOLDOWN, strategy, side,
                    text.append("last entry ").append((receiveTimeNs - lastNs) / 1e9, 1)
                        .append(" s ago, risk.cooldown_seconds ").append(cooldownNs / 1e9, 1));
            }
        }

        if (null == instrument || !market.contains(instrumentId))
        {
            return reject(STAGE_MARKET_DATA, RejectReason.UNKNOWN_INSTRUMENT, strategy, side,
                text.append("no InstrumentDefinition for instrument ").append(instrumentId));
        }
        final byte feedState = market.feedState(instrumentId);
        if (MarketState.FEED_UNKNOWN != feedState && FeedState.LIVE.value() != feedState)
        {
            return reject(STAGE_MARKET_DATA, RejectReason.STALE_MARKET_DATA, strategy, side,
                text.append("feed is ").append(name(FEED_STATE_NAMES, feedState)).append(", not LIVE"));
        }
        final long quoteTimeNs = market.quoteTimeNs(instrumentId);
        if (0 == quoteTimeNs)
        {
            return reject(STAGE_MARKET_DATA, RejectReason.NO_MARKET_DATA, strategy, side,
                text.append("no book or best bid/offer received yet"));
        }
        if (receiveTimeNs - quoteTimeNs > ctx.marketDataMaxAgeNs)
        {
            return reject(STAGE_MARKET_DATA, RejectReason.STALE_MARKET_DATA, strategy, side,
                text.append("last quote ").append((receiveTimeNs - quoteTimeNs) / NANOS_PER_MILLI, 0)
                    .append(" ms before the anomaly, limit ").append(ctx.marketDataMaxAgeNs / NANOS_PER_MILLI, 0)
                    .append(" ms"));
        }
        final long latencyNs = nowNs - receiveTimeNs;
        if (strategy.cancelIfLatencyNs() > 0 && latencyNs > strategy.cancelIfLatencyNs())
        {
            return reject(STAGE_MARKET_DATA, RejectReason.STALE_MARKET_DATA, strategy, side,
                text.append("signal latency ").append(latencyNs / NANOS_PER_MILLI, 1)
                    .append(" ms > live_settings.cancel_if_latency_ms ")
                    .append(strategy.cancelIfLatencyNs() / NANOS_PER_MILLI, 0));
        }
        if (!(atr > 0) || Double.isInfinite(atr))
        {
            return reject(STAGE_MARKET_DATA, RejectReason.NO_VOLATILITY_ESTIMATE, strategy, side,
                text.append("ATR not known yet"));
        }

        final int regime = regimeIndex();
        final double entryPrice = entryPrice(buy, strategy.orderType());
        if (!performance.isEnabled(instrumentId))
        {
            final SymbolStats stats = performance.stats(instrumentId);
            final double stopOffset = strategy.k1(regime) * atr;
            final double targetOffset = strategy.k2(regime) * atr;
            final boolean opened = performance.openShadowTrade(instrumentId, buy, entryPrice,
                buy ? entryPrice - stopOffset : entryPrice + stopOffset,
                buy ? entryPrice + targetOffset : entryPrice - targetOffset,
                receiveTimeNs + (long)(strategy.maxDurationHours(regime) * TimeUnit.HOURS.toNanos(1)));
            return reject(STAGE_SYMBOL, RejectReason.SYMBOL_DISABLED, strategy, side,
                text.append("symbol disabled after ").append(stats.consecutiveLosses())
                    .append(" consecutive losses; ").append(stats.shadowConsecutiveWins()).append(" of ")
                    .append(performance.config().reenableAfterWins()).append(" shadow wins to re-enable")
                    .append(opened ? ", shadow trade opened" : ""));
        }

        if (positions.isOpenOrPending(instrumentId, nowNs, ctx.pendingTimeoutNs))
        {
            return reject(STAGE_POSITIONS, RejectReason.POSITION_ALREADY_OPEN, strategy, side,
                text.append("position or entry already open on this instrument"));
        }
        if (positions.openCount() >= ctx.maxOpenPositions)
        {
            return reject(STAGE_POSITIONS, RejectReason.MAX_OPEN_POSITIONS, strategy, side,
                text.append(positions.openCount()).append(" positions open, limit ")
                    .append(RouterConfiguration.MAX_OPEN_POSITIONS_PROP_NAME).append(' ').append(ctx.maxOpenPositions));
        }
        if (positions.openForStrategy(strategy.ordinal()) >= strategy.maxOpenPositions())
        {
            return reject(STAGE_POSITIONS, RejectReason.MAX_OPEN_POSITIONS, strategy, side,
                text.append(positions.openForStrategy(strategy.ordinal()))
                    .append(" positions open for the strategy, risk.max_open_positions ")
                    .append(strategy.maxOpenPositions()));
        }
        final double headroom = maxGrossNotional - positions.grossNotional();
        if (headroom <= 0)
        {
            return reject(STAGE_POSITIONS, RejectReason.PORTFOLIO_EXPOSURE, strategy, side,
                text.append("gross exposure ").append(positions.grossNotional(), 2).append(" at limit ")
                    .append(maxGrossNotional, 2).append(" (").append(RouterConfiguration.MAX_GROSS_EXPOSURE_PROP_NAME)
                    .append(" x equity)"));
        }

        final SizingResult result = PositionSizer.size(
            ctx.equity,
            strategy.riskPerTrade(),
            strategy.regimeFactor(regime),
            performance.riskModifier(instrumentId),
            strategy.k1(regime),
            strategy.k2(regime),
            atr,
            buy,
            entryPrice,
            Math.min(strategy.maxPositionNotional(), headroom),
            strategy.costs(),
            OrderType.POST_ONLY == strategy.orderType(),
            instrument,
            sizing);

        if (RejectReason.NONE != result.reason)
        {
            sizingDetail(strategy, result, regime, text);
            return reject(STAGE_SIZING, result.reason, strategy, side, text);
        }

        text.append("taken: 1R ").append(result.riskAmount, 2).append(" (")
            .append(Regimes.name(regime)).append(" x").append(result.regimeFactor, 2).append(", symbol x")
            .append(result.symbolModifier, 2);
        if (result.costCut < 1.0)
        {
            text.append(", cost cut x").append(result.costCut, 2);
        }
        if (result.notionalCapped)
        {
            text.append(", notional capped");
        }
        text.append("), k1 ").append(strategy.k1(regime), 2).append(" k2 ").append(strategy.k2(regime), 2)
            .append(", cost ").append(result.cost.totalCost, 2).append(" = ").append(result.cost.costInR, 3)
            .append("R, net R at target ").append(result.cost.netRewardR, 2).append(", breakeven ")
            .append(result.cost.breakevenPrice, 6);

        bestStage = Integer.MAX_VALUE;
        bestReason = RejectReason.NONE;
        bestStrategy = strategy;
        bestSide = side;
        copyNumbers(result);
        bestDetail.copyFrom(text);
        taken = true;
        return true;
    }

    private void sizingDetail(
        final CompiledStrategy strategy, final SizingResult result, final int regime, final AsciiText text)
    {
        if (RejectReason.INVALID_ORDER == result.reason)
        {
            text.append("stop or target not a valid price: entry ").append(instrument.toPrice(result.entryPrice), 6)
                .append(", k1 x ATR ").append(strategy.k1(regime) * atr, 6);
        }
        else if (RejectReason.COST_TOO_HIGH == result.reason && result.cost.costOfStop >=
            strategy.costs().rejectCostInR())
        {
            text.append("cost ").append(result.cost.costOfStop, 3).append(" of the stop distance >= costs.reject_cost_in_r ")
                .append(strategy.costs().rejectCostInR(), 3).append(": no size makes it acceptable");
        }
        else if (RejectReason.COST_TOO_HIGH == result.reason)
        {
            text.append("cost cut x").append(result.costCut, 3).append(" to keep costs within costs.max_cost_in_r ")
                .append(strategy.costs().maxCostInR(), 2).append(" left quantity ").append(result.quantityUnits, 6)
                .append(" below the minimum");
        }
        else
        {
            text.append("quantity ").append(result.quantityUnits, 6).append(" (notional ").append(result.notional, 2)
                .append(") below min qty ").append(instrument.toSize(instrument.minQty()), 6).append(" or min notional ")
                .append(instrument.minNotional(), 2);
        }
    }

    private int confirm(final CompiledStrategy strategy, final int index, final boolean buy, final AsciiText text)
    {
        final int tf = strategy.confirmationTimeframe(index);
        final ConditionType type = strategy.confirmationType(index);
        if (!market.contains(instrumentId))
        {
            text.append(" cannot be evaluated yet: no market data for the instrument");
            return NO_DATA;
        }

        switch (type)
        {
            case BREAKOUT:
            {
                final BarSeries bars = market.bars(instrumentId);
                bars.advanceTo(tf, eventTimeNs);
                final int lookback = strategy.confirmationPeriod(index);
                if (bars.count(tf) < lookback)
                {
                    return notEnoughBars(text, bars.count(tf), lookback);
                }
                double level = buy ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                for (int age = 0; age < lookback; age++)
                {
                    level = buy ? Math.max(level, bars.high(tf, age)) : Math.min(level, bars.low(tf, age));
                }
                if (buy ? price > level : price < level)
                {
                    return CONFIRMED;
                }
                text.append(" failed: price ").append(price, 6).append(buy ? " not above " : " not below ")
                    .append(lookback).append(buy ? "-bar high " : "-bar low ").append(level, 6);
                return NOT_CONFIRMED;
            }

            case VOLATILITY_EXPANSION:
            {
                final BarSeries bars = market.bars(instrumentId);
                bars.advanceTo(tf, eventTimeNs);
                final int period = strategy.confirmationPeriod(index);
                if (bars.count(tf) < 2 * period)
                {
                    return notEnoughBars(text, bars.count(tf), 2 * period);
                }
                final double recent = standardDeviation(bars, tf, 0, period);
                final double before = standardDeviation(bars, tf, period, period);
                final double ratio = before > 0 ? recent / before : recent > 0 ? Double.POSITIVE_INFINITY : 0.0;
                if (ratio >= strategy.confirmationThreshold(index))
                {
                    return CONFIRMED;
                }
                text.append(" failed: band width ratio ").append(ratio, 3).append(" < ")
                    .append(strategy.confirmationThreshold(index), 3);
                return NOT_CONFIRMED;
            }

            case TREND:
            {
                final BarSeries bars = market.bars(instrumentId);
                bars.advanceTo(tf, eventTimeNs);
                final int period = strategy.confirmationPeriod(index);
                if (bars.count(tf) < period + 1)
                {
                    return notEnoughBars(text, bars.count(tf), period + 1);
                }
                final double average = mean(bars, tf, 0, period);
                final double previous = mean(bars, tf, 1, period);
                final double close = bars.close(tf, 0);
                final boolean up = close > average && average > previous;
                final boolean down = close < average && average < previous;
                if (buy ? up : down)
                {
                    return CONFIRMED;
                }
                text.append(" failed: close ").append(close, 6).append(", SMA ").append(average, 6)
                    .append(buy ? " not rising under the close" : " not falling over the close");
                return NOT_CONFIRMED;
            }

            case REGIME:
            {
                final long sinceNs = market.regimeSinceNs(instrumentId);
                final long heldNs = receiveTimeNs - sinceNs;
                final long neededNs = Timeframe.get(tf).durationNs();
                if (0 == sinceNs || heldNs < neededNs)
                {
                    text.append(" cannot be evaluated yet: regime observed for ")
                        .append(0 == sinceNs ? 0.0 : heldNs / 60e9, 1).append(" of ").append(neededNs / 60e9, 0)
                        .append(" min");
                    return NO_DATA;
                }
                final int volatility = market.volatilityRegime(instrumentId);
                final int trend = market.trendRegime(instrumentId);
                if (!inMask(strategy.confirmationVolatilityMask(index), volatility) ||
                    !inMask(strategy.confirmationTrendMask(index), trend))
                {
                    text.append(" failed: regime ").append(name(VOLATILITY_NAMES, volatility)).append('/')
                        .append(name(TREND_NAMES, trend));
                    return NOT_CONFIRMED;
                }
                if (strategy.confirmationWithSignal(index))
                {
                    final int direction = market.trendDirection(instrumentId);
                    final int wanted = buy ? Direction.UP.value() : Direction.DOWN.value();
                    if (direction != wanted)
                    {
                        text.append(" failed: trend direction ").append(name(DIRECTION_NAMES, direction))
                            .append(" against the trade");
                        return NOT_CONFIRMED;
                    }
                }
                return CONFIRMED;
            }

            case BOOK_IMBALANCE:
            case MAX_SPREAD:
            default:
            {
                final long firstNs = market.bookFirstTimeNs(instrumentId);
                final long neededNs = Timeframe.get(tf).durationNs();
                if (0 == firstNs || receiveTimeNs - firstNs < neededNs)
                {
                    text.append(" cannot be evaluated yet: book observed for ")
                        .append(0 == firstNs ? 0.0 : (receiveTimeNs - firstNs) / 60e9, 1).append(" of ")
                        .append(neededNs / 60e9, 0).append(" min");
                    return NO_DATA;
                }
                if (ConditionType.BOOK_IMBALANCE == type)
                {
                    final double imbalance = market.imbalance(instrumentId, tf) * (buy ? 1.0 : -1.0);
                    if (imbalance >= strategy.confirmationThreshold(index))
                    {
                        return CONFIRMED;
                    }
                    text.append(" failed: imbalance ").append(imbalance, 3).append(" in the trade's direction < ")
                        .append(strategy.confirmationThreshold(index), 3);
                    return NOT_CONFIRMED;
                }
                final double spreadBps = market.spreadBps(instrumentId, tf);
                if (spreadBps <= strategy.confirmationThreshold(index))
                {
                    return CONFIRMED;
                }
                text.append(" failed: average spread ").append(spreadBps, 2).append(" bps > ")
                    .append(strategy.confirmationThreshold(index), 2);
                return NOT_CONFIRMED;
            }
        }
    }

    private static int notEnoughBars(final AsciiText text, final int have, final int need)
    {
        text.append(" cannot be evaluated yet: ").append(have).append(" of ").append(need).append(" bars");
        return NO_DATA;
    }

    private static double mean(final BarSeries bars, final int tf, final int from, final int count)
    {
        double sum = 0;
        for (int age = from; age < from + count; age++)
        {
            sum += bars.close(tf, age);
        }
        return sum / count;
    }

    private static double standardDeviation(final BarSeries bars, final int tf, final int from, final int count)
    {
        final double mean = mean(bars, tf, from, count);
        double sum = 0;
        for (int age = from; age < from + count; age++)
        {
            final double deviation = bars.close(tf, age) - mean;
            sum += deviation * deviation;
        }
        return Math.sqrt(sum / count);
    }

    private boolean reject(
        final int stage, final RejectReason reason, final CompiledStrategy strategy, final AsciiText text)
    {
        return reject(stage, reason, strategy, Side.NULL_VAL, text);
    }

    private boolean reject(
        final int stage,
        final RejectReason reason,
        final CompiledStrategy strategy,
        final Side side,
        final AsciiText text)
    {
        if (stage > bestStage)
        {
            bestStage = stage;
            bestReason = reason;
            bestStrategy = strategy;
            bestSide = side;
            bestHasNumbers = STAGE_SIZING == stage;
            if (bestHasNumbers)
            {
                copyNumbers(sizing);
            }
            bestDetail.copyFrom(text);
        }
        return false;
    }

    private void copyNumbers(final SizingResult result)
    {
        bestHasNumbers = true;
        bestEntry = result.entryPrice;
        bestStop = result.stopPrice;
        bestTarget = result.targetPrice;
        bestQuantity = result.quantity;
        bestRiskAmount = result.riskAmount;
        bestSizeFactor = result.sizeFactor;
        bestExpectedCost = result.cost.totalCost;
        bestCostInR = result.cost.costInR;
    }

    private void publishDecision()
    {
        final long decisionId = anomalyId ^ routerIdBits;
        final int sizeExponent = null != instrument ? instrument.sizeExponent() : InstrumentRegistry.DEFAULT_EXPONENT;
        final int decisionPriceExponent = null != instrument ? instrument.priceExponent() : priceExponent;
        final long publishTimeNs = clock.nanoTime();

        final DecisionEncoder decision = decisionEncoder.wrapAndApplyHeader(sendBuffer, 0, headerEncoder)
            .decisionId(decisionId)
            .anomalyId(anomalyId)
            .instrumentId(instrumentId)
            .eventTimeNs(anomalyDecoder.eventTimeNs())
            .receiveTimeNs(receiveTimeNs)
            .sourcePublishTimeNs(sourcePublishTimeNs)
            .publishTimeNs(publishTimeNs)
            .outcome(taken ? DecisionOutcome.TAKEN : DecisionOutcome.REJECTED)
            .rejectReason(bestReason)
            .anomalyType(byRaw(ANOMALY_TYPES, anomalyTypeRaw, AnomalyType.NULL_VAL))
            .side(bestSide)
            .volatilityRegime(byRaw(VOLATILITY_REGIMES, volatilityRaw, VolatilityRegime.NULL_VAL))
            .trendRegime(byRaw(TREND_REGIMES, trendRaw, TrendRegime.NULL_VAL))
            .score(score)
            .clOrdId(taken ? decisionId : DecisionEncoder.clOrdIdNullValue())
            .priceExponent((byte)decisionPriceExponent)
            .sizeExponent((byte)sizeExponent);
        if (bestHasNumbers)
        {
            decision
                .entryPrice(bestEntry)
                .stopPrice(bestStop)
                .targetPrice(bestTarget)
                .quantity(bestQuantity)
                .riskAmount(bestRiskAmount)
                .sizeFactor(bestSizeFactor)
                .expectedCost(bestExpectedCost)
                .costInR(bestCostInR);
        }
        else
        {
            decision
                .entryPrice(DecisionEncoder.entryPriceNullValue())
                .stopPrice(DecisionEncoder.stopPriceNullValue())
                .targetPrice(DecisionEncoder.targetPriceNullValue())
                .quantity(DecisionEncoder.quantityNullValue())
                .riskAmount(Double.NaN)
                .sizeFactor(Double.NaN)
                .expectedCost(Double.NaN)
                .costInR(Double.NaN);
        }
        if (null != bestStrategy)
        {
            decision.putStrategyId(bestStrategy.idAscii(), 0, bestStrategy.idAscii().capacity());
        }
        else
        {
            decision.putStrategyId(bestDetail.buffer(), 0, 0);
        }
        decision.putDetail(bestDetail.buffer(), 0, bestDetail.length());
        offer(MessageHeaderEncoder.ENCODED_LENGTH + decision.encodedLength());

        if (taken)
        {
            decisionsTaken.incrementRelease();
            publishIntent(decisionId, publishTimeNs);
        }
        else
        {
            decisionsRejected.incrementRelease();
        }
    }

    private void publishIntent(final long clOrdId, final long publishTimeNs)
    {
        final CompiledStrategy strategy = bestStrategy;
        final OrderType orderType = strategy.orderType();
        final OrderIntentEncoder intent = intentEncoder.wrapAndApplyHeader(sendBuffer, 0, headerEncoder)
            .clOrdId(clOrdId)
            .decisionId(clOrdId)
            .instrumentId(instrumentId)
            .eventTimeNs(anomalyDecoder.eventTimeNs())
            .receiveTimeNs(receiveTimeNs)
            .sourcePublishTimeNs(sourcePublishTimeNs)
            .publishTimeNs(publishTimeNs)
            .side(bestSide)
            .orderType(orderType)
            .timeInForce(OrderType.MARKET == orderType ? TimeInForce.IOC : TimeInForce.GTC)
            .purpose(OrderPurpose.ENTRY)
            .mode(ctx.mode)
            .priceExponent((byte)instrument.priceExponent())
            .sizeExponent((byte)instrument.sizeExponent())
            .quantity(bestQuantity)
            .limitPrice(OrderType.MARKET == orderType ? OrderIntentEncoder.limitPriceNullValue() : bestEntry)
            .expectedPrice(bestEntry)
            .stopPrice(bestStop)
            .targetPrice(bestTarget)
            .maxSlippageBps(strategy.maxSlippageBps());
        intent.putStrategyId(strategy.idAscii(), 0, strategy.idAscii().capacity());
        offer(MessageHeaderEncoder.ENCODED_LENGTH + intent.encodedLength());

        positions.onIntent(instrumentId, clOrdId, strategy.ordinal(), instrument.toSize(bestQuantity) *
            instrument.toPrice(bestEntry), instrument.toSize(bestQuantity) * sizing.stopDistance, nowNs);
        if (strategy.cooldownNs() > 0)
        {
            lastTakenNs.put(cooldownKey(strategy), receiveTimeNs);
        }
    }

    private void offer(final int length)
    {
        if (!sink.offer(sendBuffer, 0, length))
        {
            notPublished.incrementRelease();
        }
    }

    private long cooldownKey(final CompiledStrategy strategy)
    {
        return ((long)strategy.ordinal() << 32) | (instrumentId & 0xFFFF_FFFFL);
    }

    private boolean isHellmoonEnabled()
    {
        return TradingMode.LIVE.value() == modeRaw ? hellmoonLiveEnabled : hellmoonPaperEnabled;
    }

    private int regimeIndex()
    {
        final int index = Regimes.indexOfRaw(volatilityRaw);
        return index >= 0 ? index : Regimes.NORMAL_VOL;
    }

    private double entryPrice(final boolean buy, final OrderType orderType)
    {
        final boolean passive = OrderType.POST_ONLY == orderType;
        final double quote = buy == passive ? market.bid(instrumentId) : market.ask(instrumentId);
        return quote > 0 ? quote : price;
    }

    private static boolean inMask(final int mask, final int raw)
    {
        return raw > 0 && raw < 31 && 0 != (mask & (1 << raw));
    }

    private static boolean isTrend(final int raw)
    {
        return TrendRegime.TRENDING.value() == raw || TrendRegime.RANGING.value() == raw;
    }

    private static String modeName(final int modeRaw)
    {
        return TradingMode.LIVE.value() == modeRaw ? "live" : "paper";
    }

    private static String name(final String[] names, final int raw)
    {
        return raw >= 0 && raw < names.length && null != names[raw] ? names[raw] : "UNKNOWN";
    }

    private static <E extends Enum<E>> E byRaw(final E[] table, final int raw, final E nullValue)
    {
        return raw >= 0 && raw < table.length && null != table[raw] ? table[raw] : nullValue;
    }

    private static <E extends Enum<E>> String[] names(final E[] values, final java.util.function.ToIntFunction<E> raw)
    {
        final String[] names = new String[256];
        for (final E value : values)
        {
            if (!"NULL_VAL".equals(value.name()))
            {
                names[raw.applyAsInt(value)] = value.name();
            }
        }
        return names;
    }

    private static <E extends Enum<E>> E[] table(final E[] values, final java.util.function.ToIntFunction<E> raw)
    {
        final E[] table = java.util.Arrays.copyOf(values, 256);
        java.util.Arrays.fill(table, null);
        for (final E value : values)
        {
            if (!"NULL_VAL".equals(value.name()))
            {
                table[raw.applyAsInt(value)] = value;
            }
        }
        return table;
    }

    // ------------------------------------------------- other inputs -------------------------------------------------

    private void activate(final StrategySet set)
    {
        activeSet = set;
        positions.ensureStrategies(set.ordinalLimit());
        for (int i = 0; i < set.size(); i++)
        {
            final CompiledStrategy strategy = set.get(i);
            if (!strategy.tradesAllSymbols())
            {
                for (final InstrumentSpec spec : knownInstruments)
                {
                    strategy.onInstrument(spec.id(), spec.symbol(), spec.key());
                }
            }
        }
    }

    private boolean ensureInstrument(final int id, final DirectBuffer buffer, final int offset, final int length)
    {
        if (!market.ensure(id))
        {
            errorLog.record(ERROR_BAD_INSTRUMENT, buffer, offset, length, 0, clock.nanoTime());
            return false;
        }
        return true;
    }

    private void onInstrumentDefinition(final DirectBuffer buffer, final int offset, final int length)
    {
        final int id = definitionDecoder.instrumentId();
        if (!ensureInstrument(id, buffer, offset, length))
        {
            return;
        }
        try
        {
            registry.onDefinition(definitionDecoder);
        }
        catch (final RuntimeException ex)
        {
            errorLog.record(ERROR_BAD_DEFINITION, buffer, offset, length, 0, clock.nanoTime());
            return;
        }
        final io.hellmoon.codecs.Instrument definition = registry.get(id);
        defineInstrument(new InstrumentSpec(
            id, definition.symbol(), definition.key(), definition.kind(), definition.priceExponent(),
            definition.sizeExponent(), definition.tickSize(), definition.stepSize(), definition.minQty(),
            definition.minNotional()));
    }

    private void defineInstrument(final InstrumentSpec spec)
    {
        final int id = spec.id();
        market.ensure(id);
        positions.ensure(id);
        if (id >= instruments.length)
        {
            final int length = Math.max(id + 1, instruments.length * 2);
            instruments = java.util.Arrays.copyOf(instruments, length);
            operatorDisabled = java.util.Arrays.copyOf(operatorDisabled, length);
        }
        final InstrumentSpec previous = instruments[id];
        if (null != previous)
        {
            knownInstruments.remove(previous);
        }
        instruments[id] = spec;
        knownInstruments.add(spec);
        instrumentIdsByName.put(spec.key(), id);
        instrumentIdsByName.putIfAbsent(spec.symbol(), id);
        performance.attach(id, spec.key());
        final StrategySet set = repository.current();
        for (int i = 0; i < set.size(); i++)
        {
            set.get(i).onInstrument(id, spec.symbol(), spec.key());
        }
    }

    private void onRegimeChange(final DirectBuffer buffer, final int offset, final int length)
    {
        final int id = regimeDecoder.instrumentId();
        if (ensureInstrument(id, buffer, offset, length))
        {
            final short direction = regimeDecoder.trendDirectionRaw();
            market.onRegime(id, (byte)regimeDecoder.volatilityRegimeRaw(), (byte)regimeDecoder.trendRegimeRaw(),
                (byte)(Direction.UP.value() == direction || Direction.DOWN.value() == direction ||
                Direction.NEUTRAL.value() == direction ? direction : 0), regimeDecoder.receiveTimeNs());
        }
    }

    private void onBestBidOffer(final DirectBuffer buffer, final int offset, final int length)
    {
        final int id = bboDecoder.instrumentId();
        if (!ensureInstrument(id, buffer, offset, length))
        {
            return;
        }
        final int priceExp = bboDecoder.priceExponent();
        final int sizeExp = bboDecoder.sizeExponent();
        final double bid = FixedPoint.toDouble(bboDecoder.bidPrice(), priceExp);
        final double ask = FixedPoint.toDouble(bboDecoder.askPrice(), priceExp);
        final long timeNs = bboDecoder.receiveTimeNs();
        market.onBestBidOffer(id, bid, FixedPoint.toDouble(bboDecoder.bidSize(), sizeExp), ask,
            FixedPoint.toDouble(bboDecoder.askSize(), sizeExp), timeNs);
        performance.onPrice(id, 0.5 * (bid + ask), timeNs);
    }

    private void onBookLevels(final DirectBuffer buffer, final int offset, final int length)
    {
        final int id = bookDecoder.instrumentId();
        if (!ensureInstrument(id, buffer, offset, length))
        {
            return;
        }
        final int priceExp = bookDecoder.priceExponent();
        final int sizeExp = bookDecoder.sizeExponent();
        final long timeNs = bookDecoder.receiveTimeNs();
        long bestBid = 0;
        long bidDepth = 0;
        boolean first = true;
        for (final BookLevelsDecoder.BidsDecoder bids : bookDecoder.bids())
        {
            if (first)
            {
                bestBid = bids.price();
                first = false;
            }
            bidDepth += bids.size();
        }
        long bestAsk = 0;
        long askDepth = 0;
        first = true;
        for (final BookLevelsDecoder.AsksDecoder asks : bookDecoder.asks())
        {
            if (first)
            {
                bestAsk = asks.price();
                first = false;
            }
            askDepth += asks.size();
        }
        if (0 == bestBid || 0 == bestAsk)
        {
            return;
        }
        final double bid = FixedPoint.toDouble(bestBid, priceExp);
        final double ask = FixedPoint.toDouble(bestAsk, priceExp);
        market.onBookLevels(id, bid, FixedPoint.toDouble(bidDepth, sizeExp), ask,
            FixedPoint.toDouble(askDepth, sizeExp), timeNs);
        performance.onPrice(id, 0.5 * (bid + ask), timeNs);
    }

    private void onTrade(final DirectBuffer buffer, final int offset, final int length)
    {
        final int id = tradeDecoder.instrumentId();
        if (!ensureInstrument(id, buffer, offset, length))
        {
            return;
        }
        final double tradePrice = FixedPoint.toDouble(tradeDecoder.price(), tradeDecoder.priceExponent());
        final long receiveNs = tradeDecoder.receiveTimeNs();
        long tradeTimeNs = tradeDecoder.tradeTimeNs();
        if (TradeDecoder.tradeTimeNsNullValue() == tradeTimeNs)
        {
            tradeTimeNs = tradeDecoder.eventTimeNs();
            if (TradeDecoder.eventTimeNsNullValue() == tradeTimeNs)
            {
                tradeTimeNs = receiveNs;
            }
        }
        market.onTrade(id, tradePrice, tradeTimeNs, receiveNs);
        performance.onPrice(id, tradePrice, receiveNs);
    }

    private void onBar(final DirectBuffer buffer, final int offset, final int length)
    {
        final int id = barDecoder.instrumentId();
        final int tf = timeframeOf(barDecoder.intervalRaw());
        if (tf < 0 || !ensureInstrument(id, buffer, offset, length))
        {
            return;
        }
        final int priceExp = barDecoder.priceExponent();
        market.bars(id).onKline(tf, barDecoder.openTimeNs(), FixedPoint.toDouble(barDecoder.highPrice(), priceExp),
            FixedPoint.toDouble(barDecoder.lowPrice(), priceExp), FixedPoint.toDouble(barDecoder.closePrice(), priceExp),
            io.hellmoon.sbe.BooleanType.TRUE.value() == barDecoder.closedRaw());
    }

    private static int timeframeOf(final short intervalRaw)
    {
        for (int tf = 0; tf < Timeframe.count(); tf++)
        {
            if (Timeframe.get(tf).interval().value() == intervalRaw)
            {
                return tf;
            }
        }
        return -1;
    }

    private void onFeedStatus(final DirectBuffer buffer, final int offset, final int length)
    {
        final int id = feedStatusDecoder.instrumentId();
        if (ensureInstrument(id, buffer, offset, length))
        {
            market.onFeedState(id, (byte)feedStatusDecoder.stateRaw());
        }
    }

    private void onExecutionReport(final DirectBuffer buffer, final int offset, final int length)
    {
        final int id = executionDecoder.instrumentId();
        if (!ensureInstrument(id, buffer, offset, length))
        {
            return;
        }
        positions.ensure(id);
        final short status = executionDecoder.orderStatusRaw();
        final boolean terminal = OrderStatus.REJECTED.value() == status || OrderStatus.CANCELED.value() == status ||
            OrderStatus.EXPIRED.value() == status;
        positions.onExecutionReport(id, executionDecoder.clOrdId(), terminal, executionDecoder.cumQuantity());
    }

    private void onPositionUpdate(final DirectBuffer buffer, final int offset, final int length)
    {
        final int id = positionDecoder.instrumentId();
        if (!ensureInstrument(id, buffer, offset, length))
        {
            return;
        }
        final int priceExp = positionDecoder.priceExponent();
        final double quantity = FixedPoint.toDouble(positionDecoder.quantity(), positionDecoder.sizeExponent());
        double markPrice = 0;
        if (PositionUpdateDecoder.markPriceNullValue() != positionDecoder.markPrice())
        {
            markPrice = FixedPoint.toDouble(positionDecoder.markPrice(), priceExp);
        }
        else if (PositionUpdateDecoder.averageEntryPriceNullValue() != positionDecoder.averageEntryPrice())
        {
            markPrice = FixedPoint.toDouble(positionDecoder.averageEntryPrice(), priceExp);
        }
        else
        {
            markPrice = market.lastPrice(id);
        }
        final double realised = decimal(positionDecoder.realisedPnl().mantissa(),
            positionDecoder.realisedPnl().exponent());
        final double fees = decimal(positionDecoder.fees().mantissa(), positionDecoder.fees().exponent());
        positions.onPositionUpdate(id, quantity, markPrice, realised, fees, performance);
    }

    private static double decimal(final long mantissa, final byte exponent)
    {
        return io.hellmoon.sbe.Decimal64Decoder.mantissaNullValue() == mantissa || exponent < -18 || exponent > 18 ?
            0.0 : FixedPoint.toDouble(mantissa, exponent);
    }

    private void onControlCommand()
    {
        final short type = controlDecoder.commandTypeRaw();
        final int id = controlDecoder.instrumentId();
        final String argument = controlDecoder.argument().trim();

        if (ControlCommandType.KILL_SWITCH_ENGAGE.value() == type)
        {
            killSwitch = true;
        }
        else if (ControlCommandType.KILL_SWITCH_RELEASE.value() == type)
        {
            killSwitch = false;
        }
        else if (ControlCommandType.RELOAD_STRATEGIES.value() == type)
        {
            reloadStrategies();
        }
        else if (ControlCommandType.ENABLE_SYMBOL.value() == type || ControlCommandType.DISABLE_SYMBOL.value() == type)
        {
            final int target = 0 != id ? id : instrumentIdsByName.getOrDefault(argument, -1);
            if (target < 0 || target > MarketState.MAX_INSTRUMENT_ID)
            {
                ctx.errorHandler.onError(new IllegalArgumentException(
                    "symbol command for an unknown instrument: id " + id + ", argument '" + argument + "'"));
                return;
            }
            final boolean enable = ControlCommandType.ENABLE_SYMBOL.value() == type;
            if (target >= operatorDisabled.length)
            {
                operatorDisabled = java.util.Arrays.copyOf(operatorDisabled, target + 1);
                instruments = java.util.Arrays.copyOf(instruments, target + 1);
            }
            operatorDisabled[target] = !enable;
            if (enable)
            {
                performance.operatorEnable(target);
            }
        }
        else if (ControlCommandType.SCANNER_ENABLE.value() == type || ControlCommandType.SCANNER_DISABLE.value() == type)
        {
            final boolean enable = ControlCommandType.SCANNER_ENABLE.value() == type;
            final boolean paper = argument.isEmpty() ? TradingMode.PAPER.value() == modeRaw :
                "paper".equalsIgnoreCase(argument) || "all".equalsIgnoreCase(argument);
            final boolean live = argument.isEmpty() ? TradingMode.LIVE.value() == modeRaw :
                "live".equalsIgnoreCase(argument) || "all".equalsIgnoreCase(argument);
            if (paper)
            {
                hellmoonPaperEnabled = enable;
            }
            if (live)
            {
                hellmoonLiveEnabled = enable;
            }
        }
    }

    // --------------------------------------------------- context ---------------------------------------------------

    /**
     * Configuration of a {@link Router}: seeded from system properties ({@link RouterConfiguration}), changed with
     * fluent setters, then {@link #conclude()}d, which validates every value (naming the key and the reason of each
     * problem), builds the exit policy from the {@code EXIT_REGIME_*} keys, loads and compiles the strategy folder
     * (failing with every error of every file) and reads the symbol statistics. Single use: do not reuse a concluded
     * context for a second router.
     */
    public static final class Context
    {
        private final List<String> problems = new ArrayList<>();
        private boolean isConcluded;

        private TradingMode mode = parseMode(RouterConfiguration.mode());
        private double equity = parseDouble(RouterConfiguration.EQUITY_PROP_NAME, RouterConfiguration.EQUITY_DEFAULT);
        private Path strategiesDir = Paths.get(RouterConfiguration.strategiesDir());
        private Path statsFile = Paths.get(RouterConfiguration.statsFile());
        private long statsFlushIntervalNs = parseDuration(RouterConfiguration.STATS_FLUSH_INTERVAL_PROP_NAME,
            RouterConfiguration.STATS_FLUSH_INTERVAL_DEFAULT);
        private int routerId = parseInt(RouterConfiguration.ROUTER_ID_PROP_NAME, RouterConfiguration.ROUTER_ID_DEFAULT);
        private boolean hellmoonPaperEnabled = parseBoolean(RouterConfiguration.HELLMOON_PAPER_ENABLED_PROP_NAME, true);
        private boolean hellmoonLiveEnabled = parseBoolean(RouterConfiguration.HELLMOON_LIVE_ENABLED_PROP_NAME, true);
        private double riskPerTrade = parseDouble(RouterConfiguration.RISK_PER_TRADE_PROP_NAME,
            StrategyDefaults.defaults().riskPerTrade());
        private double maxPositionNotional = parseDouble(RouterConfiguration.MAX_POSITION_NOTIONAL_PROP_NAME,
            StrategyDefaults.defaults().maxPositionNotional());
        private int strategyMaxOpenPositions = parseInt(RouterConfiguration.STRATEGY_MAX_OPEN_POSITIONS_PROP_NAME,
            StrategyDefaults.defaults().maxOpenPositions());
        private int maxOpenPositions = parseInt(RouterConfiguration.MAX_OPEN_POSITIONS_PROP_NAME, 10);
        private double maxGrossExposure = parseDouble(RouterConfiguration.MAX_GROSS_EXPOSURE_PROP_NAME, 2.0);
        private long marketDataMaxAgeNs = parseDuration(RouterConfiguration.MARKET_DATA_MAX_AGE_PROP_NAME, "5s");
        private long pendingTimeoutNs = parseDuration(RouterConfiguration.PENDING_TIMEOUT_PROP_NAME, "30s");
        private final double[] regimeFactors = regimeFactorsFromProperties();
        private double makerFeeRate = parseDouble(RouterConfiguration.COST_MAKER_FEE_RATE_PROP_NAME,
            CostParameters.DEFAULTS.makerFeeRate());
        private double takerFeeRate = parseDouble(RouterConfiguration.COST_TAKER_FEE_RATE_PROP_NAME,
            CostParameters.DEFAULTS.takerFeeRate());
        private double baseSlippageBps = parseDouble(RouterConfiguration.COST_BASE_SLIPPAGE_BPS_PROP_NAME,
            CostParameters.DEFAULTS.baseSlippageBps());
        private double volatilitySlippageFactor = parseDouble(
            RouterConfiguration.COST_VOLATILITY_SLIPPAGE_FACTOR_PROP_NAME,
            CostParameters.DEFAULTS.volatilitySlippageFactor());
        private double fundingRatePerEightHours = parseDouble(RouterConfiguration.COST_FUNDING_RATE_PER_8H_PROP_NAME,
            CostParameters.DEFAULTS.fundingRatePerEightHours());
        private double expectedHoldingHours = parseDouble(RouterConfiguration.COST_EXPECTED_HOLDING_HOURS_PROP_NAME,
            CostParameters.DEFAULTS.expectedHoldingHours());
        private double maxCostInR = parseDouble(RouterConfiguration.COST_MAX_COST_IN_R_PROP_NAME,
            CostParameters.DEFAULTS.maxCostInR());
        private double rejectCostInR = parseDouble(RouterConfiguration.COST_REJECT_COST_IN_R_PROP_NAME,
            CostParameters.DEFAULTS.rejectCostInR());
        private int symbolMinTrades = parseInt(RouterConfiguration.SYMBOL_MIN_TRADES_PROP_NAME,
            SymbolPerformance.Config.DEFAULTS.minTrades());
        private double symbolPoorWinRate = parseDouble(RouterConfiguration.SYMBOL_POOR_WIN_RATE_PROP_NAME,
            SymbolPerformance.Config.DEFAULTS.poorWinRate());
        private double symbolGoodWinRate = parseDouble(RouterConfiguration.SYMBOL_GOOD_WIN_RATE_PROP_NAME,
            SymbolPerformance.Config.DEFAULTS.goodWinRate());
        private double symbolPoorAverageR = parseDouble(RouterConfiguration.SYMBOL_POOR_AVERAGE_R_PROP_NAME,
            SymbolPerformance.Config.DEFAULTS.poorAverageR());
        private double symbolGoodAverageR = parseDouble(RouterConfiguration.SYMBOL_GOOD_AVERAGE_R_PROP_NAME,
            SymbolPerformance.Config.DEFAULTS.goodAverageR());
        private double symbolPoorMultiplier = parseDouble(RouterConfiguration.SYMBOL_POOR_MULTIPLIER_PROP_NAME,
            SymbolPerformance.Config.DEFAULTS.poorMultiplier());
        private int symbolDisableAfterLosses = parseInt(RouterConfiguration.SYMBOL_DISABLE_AFTER_LOSSES_PROP_NAME,
            SymbolPerformance.Config.DEFAULTS.disableAfterLosses());
        private int symbolReenableAfterWins = parseInt(RouterConfiguration.SYMBOL_REENABLE_AFTER_WINS_PROP_NAME,
            SymbolPerformance.Config.DEFAULTS.reenableAfterWins());
        private double maxSlippagePct = parseDouble(RouterConfiguration.MAX_SLIPPAGE_PCT_PROP_NAME,
            StrategyDefaults.defaults().maxSlippagePct());
        private int cancelIfLatencyMs = parseInt(RouterConfiguration.CANCEL_IF_LATENCY_MS_PROP_NAME,
            StrategyDefaults.defaults().cancelIfLatencyMs());
        private int fragmentLimit = parseInt(RouterConfiguration.FRAGMENT_LIMIT_PROP_NAME,
            RouterConfiguration.FRAGMENT_LIMIT_DEFAULT);
        private long intentRetryTimeoutNs = parseDuration(RouterConfiguration.INTENT_RETRY_TIMEOUT_PROP_NAME,
            RouterConfiguration.INTENT_RETRY_TIMEOUT_DEFAULT);
        private int[] extraScanStreamIds = parseStreamIds(RouterConfiguration.EXTRA_SCAN_STREAM_IDS_PROP_NAME);

        private ExitPolicy exitPolicy;
        private EpochNanoClock clock = new SystemEpochNanoClock();
        private ErrorHandler errorHandler = Throwable::printStackTrace;
        private Appendable errorOutput = System.err;
        private InstrumentRegistry instrumentRegistry;

        private StrategyDefaults strategyDefaults;
        private StrategyRepository strategyRepository;
        private SymbolPerformance symbolPerformance;

        /**
         * Validate every value and build the derived resources: the exit policy, the strategy repository (the
         * folder is loaded and compiled) and the symbol statistics (read from the stats file).
         *
         * @return this.
         * @throws ConfigurationException listing every problem, each starting with its key, or every error of
         *                                every invalid strategy file under {@code hellmoon.router.strategies.dir}.
         */
        public Context conclude()
        {
            if (isConcluded)
            {
                throw new ConfigurationException("Router.Context is single use: already concluded");
            }
            final List<String> all = new ArrayList<>(problems);
            check(all, null != mode && (TradingMode.PAPER == mode || TradingMode.LIVE == mode),
                RouterConfiguration.MODE_PROP_NAME, "must be paper or live, was " + mode);
            check(all, equity > 0 && Double.isFinite(equity), RouterConfiguration.EQUITY_PROP_NAME,
                "must be a positive number, was " + equity);
            check(all, statsFlushIntervalNs >= 0, RouterConfiguration.STATS_FLUSH_INTERVAL_PROP_NAME,
                "must not be negative");
            check(all, routerId >= 0 && routerId <= 255, RouterConfiguration.ROUTER_ID_PROP_NAME,
                "must be 0 to 255, was " + routerId);
            check(all, riskPerTrade > 0 && riskPerTrade <= 0.1, RouterConfiguration.RISK_PER_TRADE_PROP_NAME,
                "must be above 0 and at most 0.1, was " + riskPerTrade);
            check(all, maxPositionNotional > 0 && Double.isFinite(maxPositionNotional),
                RouterConfiguration.MAX_POSITION_NOTIONAL_PROP_NAME, "must be positive, was " + maxPositionNotional);
            check(all, strategyMaxOpenPositions >= 1, RouterConfiguration.STRATEGY_MAX_OPEN_POSITIONS_PROP_NAME,
                "must be at least 1, was " + strategyMaxOpenPositions);
            check(all, maxOpenPositions >= 1, RouterConfiguration.MAX_OPEN_POSITIONS_PROP_NAME,
                "must be at least 1, was " + maxOpenPositions);
            check(all, maxGrossExposure > 0 && Double.isFinite(maxGrossExposure),
                RouterConfiguration.MAX_GROSS_EXPOSURE_PROP_NAME, "must be positive, was " + maxGrossExposure);
            check(all, marketDataMaxAgeNs > 0, RouterConfiguration.MARKET_DATA_MAX_AGE_PROP_NAME, "must be positive");
            check(all, pendingTimeoutNs > 0, RouterConfiguration.PENDING_TIMEOUT_PROP_NAME, "must be positive");
            for (int i = 0; i < Regimes.COUNT; i++)
            {
                check(all, regimeFactors[i] > 0 && regimeFactors[i] <= 3.0, regimeFactorKey(i),
                    "must be above 0 and at most 3, was " + regimeFactors[i]);
            }
            check(all, makerFeeRate >= -0.01 && makerFeeRate <= 0.01, RouterConfiguration.COST_MAKER_FEE_RATE_PROP_NAME,
                "must be -0.01 to 0.01, was " + makerFeeRate);
            check(all, takerFeeRate >= 0 && takerFeeRate <= 0.01, RouterConfiguration.COST_TAKER_FEE_RATE_PROP_NAME,
                "must be 0 to 0.01, was " + takerFeeRate);
            check(all, baseSlippageBps >= 0 && baseSlippageBps <= 500,
                RouterConfiguration.COST_BASE_SLIPPAGE_BPS_PROP_NAME, "must be 0 to 500, was " + baseSlippageBps);
            check(all, volatilitySlippageFactor >= 0 && volatilitySlippageFactor <= 10_000,
                RouterConfiguration.COST_VOLATILITY_SLIPPAGE_FACTOR_PROP_NAME,
                "must be 0 to 10000, was " + volatilitySlippageFactor);
            check(all, Math.abs(fundingRatePerEightHours) <= 0.01,
                RouterConfiguration.COST_FUNDING_RATE_PER_8H_PROP_NAME,
                "must be -0.01 to 0.01, was " + fundingRatePerEightHours);
            check(all, expectedHoldingHours >= 0 && expectedHoldingHours <= 24 * 90,
                RouterConfiguration.COST_EXPECTED_HOLDING_HOURS_PROP_NAME,
                "must be 0 to 2160, was " + expectedHoldingHours);
            check(all, maxCostInR > 0 && maxCostInR <= 1, RouterConfiguration.COST_MAX_COST_IN_R_PROP_NAME,
                "must be above 0 and at most 1, was " + maxCostInR);
            check(all, rejectCostInR > 0 && rejectCostInR <= 10, RouterConfiguration.COST_REJECT_COST_IN_R_PROP_NAME,
                "must be above 0 and at most 10, was " + rejectCostInR);
            check(all, symbolMinTrades >= 1, RouterConfiguration.SYMBOL_MIN_TRADES_PROP_NAME,
                "must be at least 1, was " + symbolMinTrades);
            check(all, symbolPoorWinRate >= 0 && symbolPoorWinRate <= symbolGoodWinRate && symbolGoodWinRate <= 1,
                RouterConfiguration.SYMBOL_POOR_WIN_RATE_PROP_NAME,
                "must satisfy 0 <= poor <= good (" + RouterConfiguration.SYMBOL_GOOD_WIN_RATE_PROP_NAME + ") <= 1");
            check(all, symbolPoorAverageR <= symbolGoodAverageR, RouterConfiguration.SYMBOL_POOR_AVERAGE_R_PROP_NAME,
                "must not exceed " + RouterConfiguration.SYMBOL_GOOD_AVERAGE_R_PROP_NAME);
            check(all, symbolPoorMultiplier > 0 && symbolPoorMultiplier <= 1,
                RouterConfiguration.SYMBOL_POOR_MULTIPLIER_PROP_NAME,
                "must be above 0 and at most 1, was " + symbolPoorMultiplier);
            check(all, symbolDisableAfterLosses >= 1, RouterConfiguration.SYMBOL_DISABLE_AFTER_LOSSES_PROP_NAME,
                "must be at least 1");
            check(all, symbolReenableAfterWins >= 1, RouterConfiguration.SYMBOL_REENABLE_AFTER_WINS_PROP_NAME,
                "must be at least 1");
            check(all, maxSlippagePct > 0 && maxSlippagePct <= 10, RouterConfiguration.MAX_SLIPPAGE_PCT_PROP_NAME,
                "must be above 0 and at most 10, was " + maxSlippagePct);
            check(all, cancelIfLatencyMs >= 0 && cancelIfLatencyMs <= 60_000,
                RouterConfiguration.CANCEL_IF_LATENCY_MS_PROP_NAME, "must be 0 to 60000, was " + cancelIfLatencyMs);
            check(all, fragmentLimit >= 1, RouterConfiguration.FRAGMENT_LIMIT_PROP_NAME, "must be at least 1");
            check(all, intentRetryTimeoutNs >= 0, RouterConfiguration.INTENT_RETRY_TIMEOUT_PROP_NAME,
                "must not be negative");
            check(all, null != strategiesDir && Files.isDirectory(strategiesDir),
                RouterConfiguration.STRATEGIES_DIR_PROP_NAME, "not a directory: " + strategiesDir);
            check(all, null != statsFile && !Files.isDirectory(statsFile), RouterConfiguration.STATS_FILE_PROP_NAME,
                "must be a file, not a directory: " + statsFile);
            check(all, null != clock, "clock", "must be set");
            check(all, null != errorHandler, "errorHandler", "must be set");
            check(all, null != errorOutput, "errorOutput", "must be set");

            if (null == exitPolicy)
            {
                try
                {
                    exitPolicy = ExitPolicy.fromEnvironment();
                }
                catch (final IllegalArgumentException ex)
                {
                    all.add(ex.getMessage());
                }
            }
            if (!all.isEmpty())
            {
                throw new ConfigurationException("invalid router configuration:" + System.lineSeparator() + "  " +
                    String.join(System.lineSeparator() + "  ", all));
            }

            strategyDefaults = new StrategyDefaults(exitPolicy, riskPerTrade, maxPositionNotional,
                strategyMaxOpenPositions, regimeFactors.clone(), costParameters(), maxSlippagePct, cancelIfLatencyMs);
            try
            {
                strategyRepository = new StrategyRepository(strategiesDir, strategyDefaults);
            }
            catch (final StrategyLoadException ex)
            {
                throw new ConfigurationException(RouterConfiguration.STRATEGIES_DIR_PROP_NAME + ": " + ex.getMessage());
            }

            symbolPerformance = new SymbolPerformance(new SymbolPerformance.Config(symbolMinTrades, symbolPoorWinRate,
                symbolGoodWinRate, symbolPoorAverageR, symbolGoodAverageR, symbolPoorMultiplier,
                symbolDisableAfterLosses, symbolReenableAfterWins));
            try
            {
                symbolPerformance.load(statsFile);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ConfigurationException(RouterConfiguration.STATS_FILE_PROP_NAME + ": " + ex.getMessage());
            }
            isConcluded = true;
            return this;
        }

        /**
         * The cost parameters the context's values give.
         *
         * @return the parameters.
         */
        public CostParameters costParameters()
        {
            return new CostParameters(makerFeeRate, takerFeeRate, baseSlippageBps, volatilitySlippageFactor,
                fundingRatePerEightHours, expectedHoldingHours, maxCostInR, rejectCostInR);
        }

        /**
         * Risk factor of a volatility regime. Key {@code hellmoon.router.regime.factor.<regime>}, e.g.
         * {@code hellmoon.router.regime.factor.extreme_vol}.
         *
         * @param regime index from {@link Regimes}.
         * @param factor the factor.
         * @return this for a fluent API.
         */
        public Context regimeFactor(final int regime, final double factor)
        {
            regimeFactors[regime] = factor;
            return this;
        }

        /**
         * Risk factor of a volatility regime.
         *
         * @param regime index from {@link Regimes}.
         * @return the factor.
         */
        public double regimeFactor(final int regime)
        {
            return regimeFactors[regime];
        }

        /**
         * Exit policy per regime; when not set, {@link #conclude()} builds it from the defaults and the
         * {@code EXIT_REGIME_<REGIME>_<FIELD>} system properties and environment variables.
         *
         * @param exitPolicy the policy.
         * @return this for a fluent API.
         */
        public Context exitPolicy(final ExitPolicy exitPolicy)
        {
            this.exitPolicy = exitPolicy;
            return this;
        }

        /**
         * Exit policy per regime.
         *
         * @return the policy, null before conclude when not set.
         */
        public ExitPolicy exitPolicy()
        {
            return exitPolicy;
        }

        /**
         * Clock of publish times and signal latency.
         *
         * @param clock the clock.
         * @return this for a fluent API.
         */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /**
         * Clock of publish times and signal latency.
         *
         * @return the clock.
         */
        public EpochNanoClock clock()
        {
            return clock;
        }

        /**
         * Told of failed reloads, statistics that cannot be written and bad control commands.
         *
         * @param errorHandler the handler.
         * @return this for a fluent API.
         */
        public Context errorHandler(final ErrorHandler errorHandler)
        {
            this.errorHandler = errorHandler;
            return this;
        }

        /**
         * Told of failed reloads, statistics that cannot be written and bad control commands.
         *
         * @return the handler.
         */
        public ErrorHandler errorHandler()
        {
            return errorHandler;
        }

        /**
         * Where samples of bad input are written, off the decision path.
         *
         * @param errorOutput the output, e.g. {@code System.err}.
         * @return this for a fluent API.
         */
        public Context errorOutput(final Appendable errorOutput)
        {
            this.errorOutput = errorOutput;
            return this;
        }

        /**
         * Where samples of bad input are written.
         *
         * @return the output.
         */
        public Appendable errorOutput()
        {
            return errorOutput;
        }

        /**
         * Instruments known before any definition arrives (e.g. loaded from the registry file); the router also
         * learns them from {@code InstrumentDefinition} messages.
         *
         * @param instrumentRegistry the registry, owned by the router's thread from then on.
         * @return this for a fluent API.
         */
        public Context instrumentRegistry(final InstrumentRegistry instrumentRegistry)
        {
            this.instrumentRegistry = instrumentRegistry;
            return this;
        }

        /**
         * Instruments known before any definition arrives.
         *
         * @return the registry, or null.
         */
        public InstrumentRegistry instrumentRegistry()
        {
            return instrumentRegistry;
        }

        /**
         * Extra scan stream ids to subscribe to beside {@code hellmoon.scan.stream.id}. Key
         * {@link RouterConfiguration#EXTRA_SCAN_STREAM_IDS_PROP_NAME}.
         *
         * @param streamIds the ids.
         * @return this for a fluent API.
         */
        public Context extraScanStreamIds(final int... streamIds)
        {
            this.extraScanStreamIds = streamIds.clone();
            return this;
        }

        /**
         * Extra scan stream ids.
         *
         * @return the ids.
         */
        public int[] extraScanStreamIds()
        {
            return extraScanStreamIds.clone();
        }

        /**
         * The strategies, loaded by {@link #conclude()}.
         *
         * @return the repository, null before conclude.
         */
        public StrategyRepository strategyRepository()
        {
            return strategyRepository;
        }

        /**
         * Symbol statistics, read by {@link #conclude()}.
         *
         * @return the statistics, null before conclude.
         */
        public SymbolPerformance symbolPerformance()
        {
            return symbolPerformance;
        }

        /**
         * Defaults strategies were compiled with.
         *
         * @return the defaults, null before conclude.
         */
        public StrategyDefaults strategyDefaults()
        {
            return strategyDefaults;
        }

        /**
         * Strategy folder. Key {@link RouterConfiguration#STRATEGIES_DIR_PROP_NAME}.
         *
         * @param strategiesDir the folder.
         * @return this for a fluent API.
         */
        public Context strategiesDir(final String strategiesDir)
        {
            this.strategiesDir = Paths.get(strategiesDir);
            return this;
        }

        /**
         * Statistics file. Key {@link RouterConfiguration#STATS_FILE_PROP_NAME}.
         *
         * @param statsFile the file.
         * @return this for a fluent API.
         */
        public Context statsFile(final String statsFile)
        {
            this.statsFile = Paths.get(statsFile);
            return this;
        }

        /**
         * Trading mode: PAPER or LIVE. Key {@link RouterConfiguration#MODE_PROP_NAME}.
         *
         * @param mode the value.
         * @return this for a fluent API.
         */
        public Context mode(final TradingMode mode)
        {
            this.mode = mode;
            return this;
        }

        /**
         * Trading mode: PAPER or LIVE.
         *
         * @return the value.
         */
        public TradingMode mode()
        {
            return mode;
        }

        /**
         * Account equity in quote currency. Key {@link RouterConfiguration#EQUITY_PROP_NAME}.
         *
         * @param equity the value.
         * @return this for a fluent API.
         */
        public Context equity(final double equity)
        {
            this.equity = equity;
            return this;
        }

        /**
         * Account equity in quote currency.
         *
         * @return the value.
         */
        public double equity()
        {
            return equity;
        }

        /**
         * Folder of SDL strategy files. Key {@link RouterConfiguration#STRATEGIES_DIR_PROP_NAME}.
         *
         * @param strategiesDir the value.
         * @return this for a fluent API.
         */
        public Context strategiesDir(final Path strategiesDir)
        {
            this.strategiesDir = strategiesDir;
            return this;
        }

        /**
         * Folder of SDL strategy files.
         *
         * @return the value.
         */
        public Path strategiesDir()
        {
            return strategiesDir;
        }

        /**
         * File where symbol performance persists. Key {@link RouterConfiguration#STATS_FILE_PROP_NAME}.
         *
         * @param statsFile the value.
         * @return this for a fluent API.
         */
        public Context statsFile(final Path statsFile)
        {
            this.statsFile = statsFile;
            return this;
        }

        /**
         * File where symbol performance persists.
         *
         * @return the value.
         */
        public Path statsFile()
        {
            return statsFile;
        }

        /**
         * Least time between writes of the statistics file, in nanoseconds. Key {@link RouterConfiguration#STATS_FLUSH_INTERVAL_PROP_NAME}.
         *
         * @param statsFlushIntervalNs the value.
         * @return this for a fluent API.
         */
        public Context statsFlushIntervalNs(final long statsFlushIntervalNs)
        {
            this.statsFlushIntervalNs = statsFlushIntervalNs;
            return this;
        }

        /**
         * Least time between writes of the statistics file, in nanoseconds.
         *
         * @return the value.
         */
        public long statsFlushIntervalNs()
        {
            return statsFlushIntervalNs;
        }

        /**
         * Router id, 0 to 255. Key {@link RouterConfiguration#ROUTER_ID_PROP_NAME}.
         *
         * @param routerId the value.
         * @return this for a fluent API.
         */
        public Context routerId(final int routerId)
        {
            this.routerId = routerId;
            return this;
        }

        /**
         * Router id, 0 to 255.
         *
         * @return the value.
         */
        public int routerId()
        {
            return routerId;
        }

        /**
         * Whether Hellmoon anomalies are traded in paper mode at start. Key {@link RouterConfiguration#HELLMOON_PAPER_ENABLED_PROP_NAME}.
         *
         * @param hellmoonPaperEnabled the value.
         * @return this for a fluent API.
         */
        public Context hellmoonPaperEnabled(final boolean hellmoonPaperEnabled)
        {
            this.hellmoonPaperEnabled = hellmoonPaperEnabled;
            return this;
        }

        /**
         * Whether Hellmoon anomalies are traded in paper mode at start.
         *
         * @return the value.
         */
        public boolean hellmoonPaperEnabled()
        {
            return hellmoonPaperEnabled;
        }

        /**
         * Whether Hellmoon anomalies are traded in live mode at start. Key {@link RouterConfiguration#HELLMOON_LIVE_ENABLED_PROP_NAME}.
         *
         * @param hellmoonLiveEnabled the value.
         * @return this for a fluent API.
         */
        public Context hellmoonLiveEnabled(final boolean hellmoonLiveEnabled)
        {
            this.hellmoonLiveEnabled = hellmoonLiveEnabled;
            return this;
        }

        /**
         * Whether Hellmoon anomalies are traded in live mode at start.
         *
         * @return the value.
         */
        public boolean hellmoonLiveEnabled()
        {
            return hellmoonLiveEnabled;
        }

        /**
         * Default fraction of equity risked per trade. Key {@link RouterConfiguration#RISK_PER_TRADE_PROP_NAME}.
         *
         * @param riskPerTrade the value.
         * @return this for a fluent API.
         */
        public Context riskPerTrade(final double riskPerTrade)
        {
            this.riskPerTrade = riskPerTrade;
            return this;
        }

        /**
         * Default fraction of equity risked per trade.
         *
         * @return the value.
         */
        public double riskPerTrade()
        {
            return riskPerTrade;
        }

        /**
         * Default largest position value. Key {@link RouterConfiguration#MAX_POSITION_NOTIONAL_PROP_NAME}.
         *
         * @param maxPositionNotional the value.
         * @return this for a fluent API.
         */
        public Context maxPositionNotional(final double maxPositionNotional)
        {
            this.maxPositionNotional = maxPositionNotional;
            return this;
        }

        /**
         * Default largest position value.
         *
         * @return the value.
         */
        public double maxPositionNotional()
        {
            return maxPositionNotional;
        }

        /**
         * Default open positions per strategy. Key {@link RouterConfiguration#STRATEGY_MAX_OPEN_POSITIONS_PROP_NAME}.
         *
         * @param strategyMaxOpenPositions the value.
         * @return this for a fluent API.
         */
        public Context strategyMaxOpenPositions(final int strategyMaxOpenPositions)
        {
            this.strategyMaxOpenPositions = strategyMaxOpenPositions;
            return this;
        }

        /**
         * Default open positions per strategy.
         *
         * @return the value.
         */
        public int strategyMaxOpenPositions()
        {
            return strategyMaxOpenPositions;
        }

        /**
         * Open positions across all strategies. Key {@link RouterConfiguration#MAX_OPEN_POSITIONS_PROP_NAME}.
         *
         * @param maxOpenPositions the value.
         * @return this for a fluent API.
         */
        public Context maxOpenPositions(final int maxOpenPositions)
        {
            this.maxOpenPositions = maxOpenPositions;
            return this;
        }

        /**
         * Open positions across all strategies.
         *
         * @return the value.
         */
        public int maxOpenPositions()
        {
            return maxOpenPositions;
        }

        /**
         * Gross exposure limit as a multiple of equity. Key {@link RouterConfiguration#MAX_GROSS_EXPOSURE_PROP_NAME}.
         *
         * @param maxGrossExposure the value.
         * @return this for a fluent API.
         */
        public Context maxGrossExposure(final double maxGrossExposure)
        {
            this.maxGrossExposure = maxGrossExposure;
            return this;
        }

        /**
         * Gross exposure limit as a multiple of equity.
         *
         * @return the value.
         */
        public double maxGrossExposure()
        {
            return maxGrossExposure;
        }

        /**
         * Oldest quote an anomaly may be traded against, in nanoseconds. Key {@link RouterConfiguration#MARKET_DATA_MAX_AGE_PROP_NAME}.
         *
         * @param marketDataMaxAgeNs the value.
         * @return this for a fluent API.
         */
        public Context marketDataMaxAgeNs(final long marketDataMaxAgeNs)
        {
            this.marketDataMaxAgeNs = marketDataMaxAgeNs;
            return this;
        }

        /**
         * Oldest quote an anomaly may be traded against, in nanoseconds.
         *
         * @return the value.
         */
        public long marketDataMaxAgeNs()
        {
            return marketDataMaxAgeNs;
        }

        /**
         * How long an entry may stay pending, in nanoseconds. Key {@link RouterConfiguration#PENDING_TIMEOUT_PROP_NAME}.
         *
         * @param pendingTimeoutNs the value.
         * @return this for a fluent API.
         */
        public Context pendingTimeoutNs(final long pendingTimeoutNs)
        {
            this.pendingTimeoutNs = pendingTimeoutNs;
            return this;
        }

        /**
         * How long an entry may stay pending, in nanoseconds.
         *
         * @return the value.
         */
        public long pendingTimeoutNs()
        {
            return pendingTimeoutNs;
        }

        /**
         * Maker fee rate. Key {@link RouterConfiguration#COST_MAKER_FEE_RATE_PROP_NAME}.
         *
         * @param makerFeeRate the value.
         * @return this for a fluent API.
         */
        public Context makerFeeRate(final double makerFeeRate)
        {
            this.makerFeeRate = makerFeeRate;
            return this;
        }

        /**
         * Maker fee rate.
         *
         * @return the value.
         */
        public double makerFeeRate()
        {
            return makerFeeRate;
        }

        /**
         * Taker fee rate. Key {@link RouterConfiguration#COST_TAKER_FEE_RATE_PROP_NAME}.
         *
         * @param takerFeeRate the value.
         * @return this for a fluent API.
         */
        public Context takerFeeRate(final double takerFeeRate)
        {
            this.takerFeeRate = takerFeeRate;
            return this;
        }

        /**
         * Taker fee rate.
         *
         * @return the value.
         */
        public double takerFeeRate()
        {
            return takerFeeRate;
        }

        /**
         * Base slippage in basis points. Key {@link RouterConfiguration#COST_BASE_SLIPPAGE_BPS_PROP_NAME}.
         *
         * @param baseSlippageBps the value.
         * @return this for a fluent API.
         */
        public Context baseSlippageBps(final double baseSlippageBps)
        {
            this.baseSlippageBps = baseSlippageBps;
            return this;
        }

        /**
         * Base slippage in basis points.
         *
         * @return the value.
         */
        public double baseSlippageBps()
        {
            return baseSlippageBps;
        }

        /**
         * Slippage basis points per unit of ATR / price. Key {@link RouterConfiguration#COST_VOLATILITY_SLIPPAGE_FACTOR_PROP_NAME}.
         *
         * @param volatilitySlippageFactor the value.
         * @return this for a fluent API.
         */
        public Context volatilitySlippageFactor(final double volatilitySlippageFactor)
        {
            this.volatilitySlippageFactor = volatilitySlippageFactor;
            return this;
        }

        /**
         * Slippage basis points per unit of ATR / price.
         *
         * @return the value.
         */
        public double volatilitySlippageFactor()
        {
            return volatilitySlippageFactor;
        }

        /**
         * Funding rate per 8 hours. Key {@link RouterConfiguration#COST_FUNDING_RATE_PER_8H_PROP_NAME}.
         *
         * @param fundingRatePerEightHours the value.
         * @return this for a fluent API.
         */
        public Context fundingRatePerEightHours(final double fundingRatePerEightHours)
        {
            this.fundingRatePerEightHours = fundingRatePerEightHours;
            return this;
        }

        /**
         * Funding rate per 8 hours.
         *
         * @return the value.
         */
        public double fundingRatePerEightHours()
        {
            return fundingRatePerEightHours;
        }

        /**
         * Holding time funding is charged over. Key {@link RouterConfiguration#COST_EXPECTED_HOLDING_HOURS_PROP_NAME}.
         *
         * @param expectedHoldingHours the value.
         * @return this for a fluent API.
         */
        public Context expectedHoldingHours(final double expectedHoldingHours)
        {
            this.expectedHoldingHours = expectedHoldingHours;
            return this;
        }

        /**
         * Holding time funding is charged over.
         *
         * @return the value.
         */
        public double expectedHoldingHours()
        {
            return expectedHoldingHours;
        }

        /**
         * Cost in R above which the size is cut. Key {@link RouterConfiguration#COST_MAX_COST_IN_R_PROP_NAME}.
         *
         * @param maxCostInR the value.
         * @return this for a fluent API.
         */
        public Context maxCostInR(final double maxCostInR)
        {
            this.maxCostInR = maxCostInR;
            return this;
        }

        /**
         * Cost in R above which the size is cut.
         *
         * @return the value.
         */
        public double maxCostInR()
        {
            return maxCostInR;
        }

        /**
         * Cost as a fraction of the stop distance from which a trade is rejected. Key {@link RouterConfiguration#COST_REJECT_COST_IN_R_PROP_NAME}.
         *
         * @param rejectCostInR the value.
         * @return this for a fluent API.
         */
        public Context rejectCostInR(final double rejectCostInR)
        {
            this.rejectCostInR = rejectCostInR;
            return this;
        }

        /**
         * Cost as a fraction of the stop distance from which a trade is rejected.
         *
         * @return the value.
         */
        public double rejectCostInR()
        {
            return rejectCostInR;
        }

        /**
         * Closed trades before the symbol risk modifier applies. Key {@link RouterConfiguration#SYMBOL_MIN_TRADES_PROP_NAME}.
         *
         * @param symbolMinTrades the value.
         * @return this for a fluent API.
         */
        public Context symbolMinTrades(final int symbolMinTrades)
        {
            this.symbolMinTrades = symbolMinTrades;
            return this;
        }

        /**
         * Closed trades before the symbol risk modifier applies.
         *
         * @return the value.
         */
        public int symbolMinTrades()
        {
            return symbolMinTrades;
        }

        /**
         * Win rate below which a symbol is poor. Key {@link RouterConfiguration#SYMBOL_POOR_WIN_RATE_PROP_NAME}.
         *
         * @param symbolPoorWinRate the value.
         * @return this for a fluent API.
         */
        public Context symbolPoorWinRate(final double symbolPoorWinRate)
        {
            this.symbolPoorWinRate = symbolPoorWinRate;
            return this;
        }

        /**
         * Win rate below which a symbol is poor.
         *
         * @return the value.
         */
        public double symbolPoorWinRate()
        {
            return symbolPoorWinRate;
        }

        /**
         * Win rate from which a symbol is good. Key {@link RouterConfiguration#SYMBOL_GOOD_WIN_RATE_PROP_NAME}.
         *
         * @param symbolGoodWinRate the value.
         * @return this for a fluent API.
         */
        public Context symbolGoodWinRate(final double symbolGoodWinRate)
        {
            this.symbolGoodWinRate = symbolGoodWinRate;
            return this;
        }

        /**
         * Win rate from which a symbol is good.
         *
         * @return the value.
         */
        public double symbolGoodWinRate()
        {
            return symbolGoodWinRate;
        }

        /**
         * Average R below which a symbol is poor. Key {@link RouterConfiguration#SYMBOL_POOR_AVERAGE_R_PROP_NAME}.
         *
         * @param symbolPoorAverageR the value.
         * @return this for a fluent API.
         */
        public Context symbolPoorAverageR(final double symbolPoorAverageR)
        {
            this.symbolPoorAverageR = symbolPoorAverageR;
            return this;
        }

        /**
         * Average R below which a symbol is poor.
         *
         * @return the value.
         */
        public double symbolPoorAverageR()
        {
            return symbolPoorAverageR;
        }

        /**
         * Average R from which a symbol is good. Key {@link RouterConfiguration#SYMBOL_GOOD_AVERAGE_R_PROP_NAME}.
         *
         * @param symbolGoodAverageR the value.
         * @return this for a fluent API.
         */
        public Context symbolGoodAverageR(final double symbolGoodAverageR)
        {
            this.symbolGoodAverageR = symbolGoodAverageR;
            return this;
        }

        /**
         * Average R from which a symbol is good.
         *
         * @return the value.
         */
        public double symbolGoodAverageR()
        {
            return symbolGoodAverageR;
        }

        /**
         * Risk modifier of a poor symbol. Key {@link RouterConfiguration#SYMBOL_POOR_MULTIPLIER_PROP_NAME}.
         *
         * @param symbolPoorMultiplier the value.
         * @return this for a fluent API.
         */
        public Context symbolPoorMultiplier(final double symbolPoorMultiplier)
        {
            this.symbolPoorMultiplier = symbolPoorMultiplier;
            return this;
        }

        /**
         * Risk modifier of a poor symbol.
         *
         * @return the value.
         */
        public double symbolPoorMultiplier()
        {
            return symbolPoorMultiplier;
        }

        /**
         * Consecutive losses that disable a symbol. Key {@link RouterConfiguration#SYMBOL_DISABLE_AFTER_LOSSES_PROP_NAME}.
         *
         * @param symbolDisableAfterLosses the value.
         * @return this for a fluent API.
         */
        public Context symbolDisableAfterLosses(final int symbolDisableAfterLosses)
        {
            this.symbolDisableAfterLosses = symbolDisableAfterLosses;
            return this;
        }

        /**
         * Consecutive losses that disable a symbol.
         *
         * @return the value.
         */
        public int symbolDisableAfterLosses()
        {
            return symbolDisableAfterLosses;
        }

        /**
         * Consecutive shadow wins that re-enable a symbol. Key {@link RouterConfiguration#SYMBOL_REENABLE_AFTER_WINS_PROP_NAME}.
         *
         * @param symbolReenableAfterWins the value.
         * @return this for a fluent API.
         */
        public Context symbolReenableAfterWins(final int symbolReenableAfterWins)
        {
            this.symbolReenableAfterWins = symbolReenableAfterWins;
            return this;
        }

        /**
         * Consecutive shadow wins that re-enable a symbol.
         *
         * @return the value.
         */
        public int symbolReenableAfterWins()
        {
            return symbolReenableAfterWins;
        }

        /**
         * Default live_settings.max_slippage_pct. Key {@link RouterConfiguration#MAX_SLIPPAGE_PCT_PROP_NAME}.
         *
         * @param maxSlippagePct the value.
         * @return this for a fluent API.
         */
        public Context maxSlippagePct(final double maxSlippagePct)
        {
            this.maxSlippagePct = maxSlippagePct;
            return this;
        }

        /**
         * Default live_settings.max_slippage_pct.
         *
         * @return the value.
         */
        public double maxSlippagePct()
        {
            return maxSlippagePct;
        }

        /**
         * Default live_settings.cancel_if_latency_ms. Key {@link RouterConfiguration#CANCEL_IF_LATENCY_MS_PROP_NAME}.
         *
         * @param cancelIfLatencyMs the value.
         * @return this for a fluent API.
         */
        public Context cancelIfLatencyMs(final int cancelIfLatencyMs)
        {
            this.cancelIfLatencyMs = cancelIfLatencyMs;
            return this;
        }

        /**
         * Default live_settings.cancel_if_latency_ms.
         *
         * @return the value.
         */
        public int cancelIfLatencyMs()
        {
            return cancelIfLatencyMs;
        }

        /**
         * Fragments polled per subscription per duty cycle. Key {@link RouterConfiguration#FRAGMENT_LIMIT_PROP_NAME}.
         *
         * @param fragmentLimit the value.
         * @return this for a fluent API.
         */
        public Context fragmentLimit(final int fragmentLimit)
        {
            this.fragmentLimit = fragmentLimit;
            return this;
        }

        /**
         * Fragments polled per subscription per duty cycle.
         *
         * @return the value.
         */
        public int fragmentLimit()
        {
            return fragmentLimit;
        }

        /**
         * How long the intent publisher retries under back pressure, in nanoseconds. Key {@link RouterConfiguration#INTENT_RETRY_TIMEOUT_PROP_NAME}.
         *
         * @param intentRetryTimeoutNs the value.
         * @return this for a fluent API.
         */
        public Context intentRetryTimeoutNs(final long intentRetryTimeoutNs)
        {
            this.intentRetryTimeoutNs = intentRetryTimeoutNs;
            return this;
        }

        /**
         * How long the intent publisher retries under back pressure, in nanoseconds.
         *
         * @return the value.
         */
        public long intentRetryTimeoutNs()
        {
            return intentRetryTimeoutNs;
        }
        private static void check(final List<String> problems, final boolean ok, final String key, final String why)
        {
            if (!ok)
            {
                problems.add(key + ": " + why);
            }
        }

        private static String regimeFactorKey(final int regime)
        {
            return RouterConfiguration.REGIME_FACTOR_PROP_PREFIX + Regimes.name(regime).toLowerCase();
        }

        private double[] regimeFactorsFromProperties()
        {
            final double[] factors = StrategyDefaults.DEFAULT_REGIME_FACTORS.clone();
            for (int i = 0; i < Regimes.COUNT; i++)
            {
                factors[i] = parseDouble(regimeFactorKey(i), factors[i]);
            }
            return factors;
        }

        private TradingMode parseMode(final String text)
        {
            if ("paper".equalsIgnoreCase(text))
            {
                return TradingMode.PAPER;
            }
            if ("live".equalsIgnoreCase(text))
            {
                return TradingMode.LIVE;
            }
            problems.add(RouterConfiguration.MODE_PROP_NAME + ": must be paper or live, was '" + text + "'");
            return TradingMode.PAPER;
        }

        private double parseDouble(final String key, final double defaultValue)
        {
            final String text = System.getProperty(key);
            if (null == text)
            {
                return defaultValue;
            }
            try
            {
                return Double.parseDouble(text.trim());
            }
            catch (final NumberFormatException ex)
            {
                problems.add(key + ": not a number: '" + text + "'");
                return defaultValue;
            }
        }

        private int parseInt(final String key, final int defaultValue)
        {
            final String text = System.getProperty(key);
            if (null == text)
            {
                return defaultValue;
            }
            try
            {
                return Integer.parseInt(text.trim());
            }
            catch (final NumberFormatException ex)
            {
                problems.add(key + ": not an integer: '" + text + "'");
                return defaultValue;
            }
        }

        private boolean parseBoolean(final String key, final boolean defaultValue)
        {
            final String text = System.getProperty(key);
            if (null == text)
            {
                return defaultValue;
            }
            if ("true".equalsIgnoreCase(text.trim()) || "false".equalsIgnoreCase(text.trim()))
            {
                return Boolean.parseBoolean(text.trim());
            }
            problems.add(key + ": not true or false: '" + text + "'");
            return defaultValue;
        }

        private long parseDuration(final String key, final String defaultValue)
        {
            try
            {
                return HellmoonConfiguration.durationNs(key, defaultValue);
            }
            catch (final RuntimeException ex)
            {
                problems.add(key + ": not a duration such as 500ms or 5s: '" + System.getProperty(key) + "'");
                return SystemUtil.parseDuration(key, defaultValue);
            }
        }

        private int[] parseStreamIds(final String key)
        {
            final String text = System.getProperty(key, "").trim();
            if (text.isEmpty())
            {
                return new int[0];
            }
            final String[] parts = text.split(",");
            final int[] ids = new int[parts.length];
            for (int i = 0; i < parts.length; i++)
            {
                try
                {
                    ids[i] = Integer.parseInt(parts[i].trim());
                }
                catch (final NumberFormatException ex)
                {
                    problems.add(key + ": not a comma-separated list of stream ids: '" + text + "'");
                    return new int[0];
                }
            }
            return ids;
        }
    }
}
