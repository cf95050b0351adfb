/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import java.io.IOException;
import java.util.List;

/**
 * What a pairs scan found: the ranked pairs and how many pairs each filter removed, writable as CSV and JSON.
 * <p>
 * CSV: a header line, then one line per ranked pair with the columns of {@link #CSV_HEADER}; numbers as Java
 * prints doubles (shortest round-trip form; {@code Infinity} for a half-life without reversion), symbols quoted
 * when they contain a comma or a quote. JSON: one object with the scan's figures and a {@code pairs} array of
 * objects whose keys are the CSV columns in camel case (non-finite numbers as {@code null}). Both outputs depend
 * only on the input bars and settings: the same scan writes the same bytes.
 */
public final class PairsScanReport
{
    /**
     * The CSV header, which {@link PairsScanFile} reads back.
     */
    public static final String CSV_HEADER = "rank,leg1,leg2,hedge_ratio,intercept,adf_statistic,p_value," +
        "critical_1pct,critical_5pct,critical_10pct,adf_lags,half_life_bars,half_life_seconds,correlation," +
        "spread_std,observations,leg1_daily_quote_volume,leg2_daily_quote_volume";

    static final int TESTED = 0;
    static final int TOO_SHORT = 1;
    static final int LOW_CORRELATION = 2;
    static final int DEGENERATE = 3;
    static final int ABOVE_MAX_P_VALUE = 4;
    static final int TALLY_COUNT = 5;

    private final Timeframe timeframe;
    private final int symbols;
    private final int symbolsAfterVolume;
    private final int bars;
    private final long pairsConsidered;
    private final long[] tallies;
    private final int pairsPassing;
    private final List<CointegrationResult> pairs;

    PairsScanReport(
        final Timeframe timeframe,
        final int symbols,
        final int symbolsAfterVolume,
        final int bars,
        final long pairsConsidered,
        final long[] tallies,
        final int pairsPassing,
        final List<CointegrationResult> pairs)
    {
        this.timeframe = timeframe;
        this.symbols = symbols;
        this.symbolsAfterVolume = symbolsAfterVolume;
        this.bars = bars;
        this.pairsConsidered = pairsConsidered;
        this.tallies = tallies;
        this.pairsPassing = pairsPassing;
        this.pairs = List.copyOf(pairs);
    }

    /**
     * The timeframe of the bars.
     *
     * @return the timeframe.
     */
    public Timeframe timeframe()
    {
        return timeframe;
    }

    /**
     * Symbols read.
     *
     * @return the count.
     */
    public int symbols()
    {
        return symbols;
    }

    /**
     * Symbols at or above the daily volume minimum.
     *
     * @return the count.
     */
    public int symbolsAfterVolume()
    {
        return symbolsAfterVolume;
    }

    /**
     * Bars in the aligned grid.
     *
     * @return the count.
     */
    public int bars()
    {
        return bars;
    }

    /**
     * Unordered pairs of the symbols after the volume filter.
     *
     * @return the count.
     */
    public long pairsConsidered()
    {
        return pairsConsidered;
    }

    /**
     * Pairs that reached the cointegration test.
     *
     * @return the count.
     */
    public long pairsTested()
    {
        return tallies[TESTED];
    }

    /**
     * Pairs whose legs share fewer bars than the minimum.
     *
     * @return the count.
     */
    public long tooShort()
    {
        return tallies[TOO_SHORT];
    }

    /**
     * Pairs below the return-correlation minimum (or with a leg that never moves).
     *
     * @return the count.
     */
    public long lowCorrelation()
    {
        return tallies[LOW_CORRELATION];
    }

    /**
     * Pairs tested in neither direction: collinear, flat or singular.
     *
     * @return the count.
     */
    public long degenerate()
    {
        return tallies[DEGENERATE];
    }

    /**
     * Pairs tested whose p-value is above the maximum.
     *
     * @return the count.
     */
    public long aboveMaxPValue()
    {
        return tallies[ABOVE_MAX_P_VALUE];
    }

    /**
     * Pairs that passed every filter, before the top-N cut.
     *
     * @return the count.
     */
    public int pairsPassing()
    {
        return pairsPassing;
    }

    /**
     * The ranked pairs, best first, at most the top N.
     *
     * @return an unmodifiable list.
     */
    public List<CointegrationResult> pairs()
    {
        return pairs;
    }

    /**
     * Write the ranked pairs as CSV.
     *
     * @param out where to write.
     * @throws IOException if writing fails.
     */
    public void writeCsv(final Appendable out) throws IOException
    {
        out.append(CSV_HEADER).append('\n');
        int rank = 1;
        for (final CointegrationResult r : pairs)
        {
            out.append(Integer.toString(rank++)).append(',');
            csvText(out, r.leg1());
            out.append(',');
            csvText(out, r.leg2());
            out.append(',').append(Double.toString(r.hedgeRatio()))
                .append(',').append(Double.toString(r.intercept()))
                .append(',').append(Double.toString(r.adfStatistic()))
                .append(',').append(Double.toString(r.pValue()))
                .append(',').append(Double.toString(r.critical1()))
                .append(',').append(Double.toString(r.critical5()))
                .append(',').append(Double.toString(r.critical10()))
                .append(',').append(Integer.toString(r.adfLags()))
                .append(',').append(Double.toString(r.halfLifeBars()))
                .append(',').append(Double.toString(r.halfLifeSeconds()))
                .append(',').append(Double.toString(r.correlation()))
                .append(',').append(Double.toString(r.spreadStd()))
                .append(',').append(Integer.toString(r.observations()))
                .append(',').append(Double.toString(r.leg1DailyQuoteVolume()))
                .append(',').append(Double.toString(r.leg2DailyQuoteVolume()))
                .append('\n');
        }
    }

    /**
     * Write the scan as one JSON object.
     *
     * @param out where to write.
     * @throws IOException if writing fails.
     */
    public void writeJson(final Appendable out) throws IOException
    {
        out.append("{\n");
        out.append("  \"timeframe\": \"").append(timeframe.label()).append("\",\n");
        out.append("  \"symbols\": ").append(Integer.toString(symbols)).append(",\n");
        out.append("  \"symbolsAfterVolume\": ").append(Integer.toString(symbolsAfterVolume)).append(",\n");
        out.append("  \"bars\": ").append(Integer.toString(bars)).append(",\n");
        out.append("  \"pairsConsidered\": ").append(Long.toString(pairsConsidered)).append(",\n");
        out.append("  \"pairsTested\": ").append(Long.toString(pairsTested())).append(",\n");
        out.append("  \"filtered\": {\"tooShort\": ").append(Long.toString(tooShort()))
            .append(", \"lowCorrelation\": ").append(Long.toString(lowCorrelation()))
            .append(", \"degenerate\": ").append(Long.toString(degenerate()))
            .append(", \"aboveMaxPValue\": ").append(Long.toString(aboveMaxPValue())).append("},\n");
        out.append("  \"pairsPassing\": ").append(Integer.toString(pairsPassing)).append(",\n");
        out.append("  \"pairs\": [");
        int rank = 1;
        for (final CointegrationResult r : pairs)
        {
            out.append(1 == rank ? "\n" : ",\n");
            out.append("    {\"rank\": ").append(Integer.toString(rank++));
            out.append(", \"leg1\": ");
            jsonText(out, r.leg1());
            out.append(", \"leg2\": ");
            jsonText(out, r.leg2());
            jsonNumber(out, "hedgeRatio", r.hedgeRatio());
            jsonNumber(out, "intercept", r.intercept());
            jsonNumber(out, "adfStatistic", r.adfStatistic());
            jsonNumber(out, "pValue", r.pValue());
            jsonNumber(out, "critical1pct", r.critical1());
            jsonNumber(out, "critical5pct", r.critical5());
            jsonNumber(out, "critical10pct", r.critical10());
            out.append(", \"adfLags\": ").append(Integer.toString(r.adfLags()));
            jsonNumber(out, "halfLifeBars", r.halfLifeBars());
            jsonNumber(out, "halfLifeSeconds", r.halfLifeSeconds());
            jsonNumber(out, "correlation", r.correlation());
            jsonNumber(out, "spreadStd", r.spreadStd());
            out.append(", \"observations\": ").append(Integer.toString(r.observations()));
            jsonNumber(out, "leg1DailyQuoteVolume", r.leg1DailyQuoteVolume());
            jsonNumber(out, "leg2DailyQuoteVolume", r.leg2DailyQuoteVolume());
            out.append('}');
        }
        out.append(pairs.isEmpty() ? "]\n" : "\n  ]\n");
        out.append("}\n");
    }

    private static void csvText(final Appendable out, final String text) throws IOException
    {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0)
        {
            out.append(text);
            return;
        }
        out.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private static void jsonNumber(final Appendable out, final String key, final double value) throws IOException
    {
        out.append(", \"").append(key).append("\": ");
        out.append(Double.isFinite(value) ? Double.toString(value) : "null");
    }

    private static void jsonText(final Appendable out, final String text) throws IOException
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if ('"' == c || '\\' == c)
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                out.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                out.append(c);
            }
        }
        out.append('"');
    }
}
