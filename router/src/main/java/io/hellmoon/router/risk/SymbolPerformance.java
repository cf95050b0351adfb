/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-symbol performance: win rate, average R, consecutive wins and losses, and what follows from them.
 * <ul>
 *   <li><b>Risk modifier</b>: 1.0 until {@code minTrades} trades have closed; then 0.5 (poor) when the win rate is
 *       below {@code poorWinRate} or the average R below {@code poorAverageR}, 1.0 when both are at or above
 *       {@code goodWinRate} and {@code goodAverageR}, and in between linearly by the weaker of the two.</li>
 *   <li><b>Disable</b>: after {@code disableAfterLosses} consecutive losing real trades the symbol is disabled.</li>
 *   <li><b>Re-enable</b>: a disabled symbol has no real trades, so its wins are observed on <em>shadow trades</em>:
 *       when a strategy would have entered but the symbol is disabled, the router records the entry, stop, target
 *       and maximum duration it would have used and follows the market; reaching the target is a win, the stop a
 *       loss, the deadline a win if the price moved in the trade's favour. After {@code reenableAfterWins}
 *       consecutive shadow wins the symbol is enabled again with its loss run reset. An operator's ENABLE_SYMBOL
 *       re-enables at once.</li>
 *   <li><b>Persistence</b>: {@link #save(Path)} writes every symbol's statistics to a JSON file atomically (temporary
 *       file, then rename) and {@link #load(Path)} reads it at start; symbols are keyed {@code VENUE:SYMBOL}, since
 *       instrument ids may differ between runs.</li>
 * </ul>
 * Single threaded: the router's thread. Trade results and prices are processed without allocation once the
 * instrument is attached.
 */
public final class SymbolPerformance
{
    /**
     * Parameters of the rules, with the seed's defaults.
     *
     * @param minTrades          closed trades before the modifier applies (5).
     * @param poorWinRate        win rate below which the symbol is poor (0.30).
     * @param goodWinRate        win rate from which it is good (0.55).
     * @param poorAverageR       average R below which it is poor (0.3).
     * @param goodAverageR       average R from which it is good (1.5).
     * @param poorMultiplier     modifier of a poor symbol (0.5).
     * @param disableAfterLosses consecutive losses that disable it (10).
     * @param reenableAfterWins  consecutive shadow wins that re-enable it (3).
     */
    public record Config(
        int minTrades,
        double poorWinRate,
        double goodWinRate,
        double poorAverageR,
        double goodAverageR,
        double poorMultiplier,
        int disableAfterLosses,
        int reenableAfterWins)
    {
        /**
         * The defaults.
         */
        public static final Config DEFAULTS = new Config(5, 0.30, 0.55, 0.3, 1.5, 0.5, 10, 3);
    }

    private static final int FILE_VERSION = 1;

    private final Config config;
    private final Map<String, SymbolStats> byKey = new TreeMap<>();
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private SymbolStats[] byId = new SymbolStats[64];
    private boolean[] shadowActive = new boolean[64];
    private boolean[] shadowBuy = new boolean[64];
    private double[] shadowEntry = new double[64];
    private double[] shadowStop = new double[64];
    private double[] shadowTarget = new double[64];
    private long[] shadowDeadlineNs = new long[64];
    private boolean dirty;

    /**
     * Performance tracking with the given rules.
     *
     * @param config the rules.
     */
    public SymbolPerformance(final Config config)
    {
        this.config = config;
    }

    /**
     * The rules.
     *
     * @return the config.
     */
    public Config config()
    {
        return config;
    }

    /**
     * Tie an instrument id to its symbol's statistics, creating them if new. Called when an instrument definition
     * arrives; allocates.
     *
     * @param id  instrument id.
     * @param key {@code VENUE:SYMBOL}.
     * @return the statistics.
     */
    public SymbolStats attach(final int id, final String key)
    {
        ensureCapacity(id);
        final SymbolStats stats = byKey.computeIfAbsent(key, SymbolStats::new);
        byId[id] = stats;
        return stats;
    }

    /**
     * Statistics by instrument id.
     *
     * @param id instrument id.
     * @return the statistics, or null if the instrument is not attached.
     */
    public SymbolStats stats(final int id)
    {
        return id >= 0 && id < byId.length ? byId[id] : null;
    }

    /**
     * Statistics by key.
     *
     * @param key {@code VENUE:SYMBOL}.
     * @return the statistics, or null.
     */
    public SymbolStats stats(final String key)
    {
        return byKey.get(key);
    }

    /**
     * Whether an instrument may be traded.
     *
     * @param id instrument id.
     * @return false only when its symbol is disabled.
     */
    public boolean isEnabled(final int id)
    {
        final SymbolStats stats = stats(id);
        return null == stats || stats.enabled;
    }

    /**
     * Risk modifier of an instrument.
     *
     * @param id instrument id.
     * @return 0.5 to 1.0; 1.0 for an unknown instrument.
     */
    public double riskModifier(final int id)
    {
        final SymbolStats stats = stats(id);
        return null == stats ? 1.0 : stats.riskModifier;
    }

    /**
     * A real trade closed.
     *
     * @param id      instrument id.
     * @param netPnl  P&amp;L after fees; above zero is a win.
     * @param rMultiple net P&amp;L over the money risked, NaN when the risk is unknown.
     */
    public void onTradeClosed(final int id, final double netPnl, final double rMultiple)
    {
        final SymbolStats stats = stats(id);
        if (null == stats)
        {
            return;
        }
        stats.trades++;
        stats.totalPnl += netPnl;
        if (!Double.isNaN(rMultiple))
        {
            stats.tradesWithR++;
            stats.sumR += rMultiple;
        }
        if (netPnl > 0)
        {
            stats.wins++;
            stats.consecutiveWins++;
            stats.consecutiveLosses = 0;
        }
        else
        {
            stats.losses++;
            stats.consecutiveLosses++;
            stats.consecutiveWins = 0;
            if (stats.enabled && stats.consecutiveLosses >= config.disableAfterLosses)
            {
                stats.enabled = false;
                stats.shadowConsecutiveWins = 0;
            }
        }
        stats.riskModifier = modifier(stats);
        dirty = true;
    }

    /**
     * Start following a trade the router would have taken on a disabled symbol, unless one is already followed.
     *
     * @param id         instrument id.
     * @param buy        true for a long.
     * @param entry      entry price.
     * @param stop       stop price.
     * @param target     target price.
     * @param deadlineNs when it would have been closed for time.
     * @return true if a shadow trade was started.
     */
    public boolean openShadowTrade(
        final int id, final boolean buy, final double entry, final double stop, final double target,
        final long deadlineNs)
    {
        final SymbolStats stats = stats(id);
        if (null == stats || stats.enabled || shadowActive[id])
        {
            return false;
        }
        shadowActive[id] = true;
        shadowBuy[id] = buy;
        shadowEntry[id] = entry;
        shadowStop[id] = stop;
        shadowTarget[id] = target;
        shadowDeadlineNs[id] = deadlineNs;
        return true;
    }

    /**
     * Whether a shadow trade is being followed.
     *
     * @param id instrument id.
     * @return true if one is open.
     */
    public boolean hasShadowTrade(final int id)
    {
        return id >= 0 && id < shadowActive.length && shadowActive[id];
    }

    /**
     * A market price of an instrument, to settle its shadow trade.
     *
     * @param id     instrument id.
     * @param price  last trade or mid price.
     * @param timeNs time of the price.
     */
    public void onPrice(final int id, final double price, final long timeNs)
    {
        if (id < 0 || id >= shadowActive.length || !shadowActive[id])
        {
            return;
        }
        final boolean buy = shadowBuy[id];
        final boolean targetHit = buy ? price >= shadowTarget[id] : price <= shadowTarget[id];
        final boolean stopHit = buy ? price <= shadowStop[id] : price >= shadowStop[id];
        if (targetHit || stopHit)
        {
            settleShadow(id, targetHit);
        }
        else if (timeNs - shadowDeadlineNs[id] >= 0)
        {
            settleShadow(id, buy ? price > shadowEntry[id] : price < shadowEntry[id]);
        }
    }

    /**
     * Record a shadow trade's result.
     *
     * @param id  instrument id.
     * @param win whether it won.
     */
    public void onShadowResult(final int id, final boolean win)
    {
        final SymbolStats stats = stats(id);
        if (null == stats || stats.enabled)
        {
            return;
        }
        stats.shadowTrades++;
        stats.shadowConsecutiveWins = win ? stats.shadowConsecutiveWins + 1 : 0;
        if (stats.shadowConsecutiveWins >= config.reenableAfterWins)
        {
            enable(stats);
        }
        dirty = true;
    }

    /**
     * Re-enable a symbol by operator command: its loss run is reset.
     *
     * @param id instrument id.
     */
    public void operatorEnable(final int id)
    {
        final SymbolStats stats = stats(id);
        if (null != stats && !stats.enabled)
        {
            enable(stats);
            shadowActive[id] = false;
            dirty = true;
        }
    }

    /**
     * Whether statistics changed since the last save.
     *
     * @return true if a save is due.
     */
    public boolean isDirty()
    {
        return dirty;
    }

    /**
     * Write every symbol's statistics atomically: to a temporary file beside the target, then renamed over it.
     *
     * @param file to write.
     * @throws UncheckedIOException if the file cannot be written.
     */
    public void save(final Path file)
    {
        final ObjectNode root = mapper.createObjectNode();
        root.put("version", FILE_VERSION);
        final ObjectNode symbols = root.putObject("symbols");
        for (final SymbolStats stats : byKey.values())
        {
            final ObjectNode node = symbols.putObject(stats.key);
            node.put("trades", stats.trades);
            node.put("wins", stats.wins);
            node.put("losses", stats.losses);
            node.put("trades_with_r", stats.tradesWithR);
            node.put("sum_r", stats.sumR);
            node.put("total_pnl", stats.totalPnl);
            node.put("consecutive_wins", stats.consecutiveWins);
            node.put("consecutive_losses", stats.consecutiveLosses);
            node.put("enabled", stats.enabled);
            node.put("shadow_consecutive_wins", stats.shadowConsecutiveWins);
            node.put("shadow_trades", stats.shadowTrades);
        }

        try
        {
            final Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            final Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
            Files.write(temporary, mapper.writeValueAsBytes(root));
            try
            {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            dirty = false;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write symbol statistics to " + file, ex);
        }
    }

    /**
     * Read statistics saved by {@link #save(Path)}; a missing file is an empty history. Already attached
     * instruments keep their statistics objects, updated in place.
     *
     * @param file to read.
     * @throws IllegalArgumentException naming the file and the problem if it is not a valid statistics file.
     */
    public void load(final Path file)
    {
        if (!Files.exists(file))
        {
            return;
        }
        final JsonNode root;
        try
        {
            root = mapper.readTree(file.toFile());
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException(file + ": not a valid statistics file: " + ex.getMessage(), ex);
        }
        if (null == root || !root.isObject() || FILE_VERSION != root.path("version").asInt(-1) ||
            !root.path("symbols").isObject())
        {
            throw new IllegalArgumentException(file + ": not a statistics file of version " + FILE_VERSION);
        }
        for (final Map.Entry<String, JsonNode> entry : root.get("symbols").properties())
        {
            final JsonNode node = entry.getValue();
            final SymbolStats stats = byKey.computeIfAbsent(entry.getKey(), SymbolStats::new);
            stats.trades = node.path("trades").asInt();
            stats.wins = node.path("wins").asInt();
            stats.losses = node.path("losses").asInt();
            stats.tradesWithR = node.path("trades_with_r").asInt();
            stats.sumR = node.path("sum_r").asDouble();
            stats.totalPnl = node.path("total_pnl").asDouble();
            stats.consecutiveWins = node.path("consecutive_wins").asInt();
            stats.consecutiveLosses = node.path("consecutive_losses").asInt();
            stats.enabled = node.path("enabled").asBoolean(true);
            stats.shadowConsecutiveWins = node.path("shadow_consecutive_wins").asInt();
            stats.shadowTrades = node.path("shadow_trades").asInt();
            stats.riskModifier = modifier(stats);
        }
        dirty = false;
    }

    /**
     * Statistics of every symbol seen or loaded, by key.
     *
     * @return a read-only view.
     */
    public Map<String, SymbolStats> all()
    {
        return java.util.Collections.unmodifiableMap(byKey);
    }

    double modifier(final SymbolStats stats)
    {
        if (stats.trades < config.minTrades)
        {
            return 1.0;
        }
        final double winScore = score(stats.winRate(), config.poorWinRate, config.goodWinRate);
        final double averageR = stats.averageR();
        final double rScore = Double.isNaN(averageR) ? 1.0 : score(averageR, config.poorAverageR, config.goodAverageR);
        return config.poorMultiplier + (1.0 - config.poorMultiplier) * Math.min(winScore, rScore);
    }

    private static double score(final double value, final double poor, final double good)
    {
        if (value < poor)
        {
            return 0.0;
        }
        if (value >= good || good <= poor)
        {
            return 1.0;
        }
        return (value - poor) / (good - poor);
    }

    private void enable(final SymbolStats stats)
    {
        stats.enabled = true;
        stats.consecutiveLosses = 0;
        stats.shadowConsecutiveWins = 0;
        stats.riskModifier = modifier(stats);
    }

    private void settleShadow(final int id, final boolean win)
    {
        shadowActive[id] = false;
        onShadowResult(id, win);
    }

    private void ensureCapacity(final int id)
    {
        if (id >= byId.length)
        {
            final int length = Math.max(id + 1, byId.length * 2);
            byId = Arrays.copyOf(byId, length);
            shadowActive = Arrays.copyOf(shadowActive, length);
            shadowBuy = Arrays.copyOf(shadowBuy, length);
            shadowEntry = Arrays.copyOf(shadowEntry, length);
            shadowStop = Arrays.copyOf(shadowStop, length);
            shadowTarget = Arrays.copyOf(shadowTarget, length);
            shadowDeadlineNs = Arrays.copyOf(shadowDeadlineNs, length);
        }
    }
}
