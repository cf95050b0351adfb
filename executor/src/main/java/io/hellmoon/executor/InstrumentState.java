/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

/**
 * Everything the executor knows about one instrument: reference data from its definition, the latest book (top
 * levels and best bid/offer), feed health, the mark, its resting orders and its position. Created when the
 * instrument's definition first arrives; all arrays are sized then, so market data never allocates.
 * <p>
 * Prices and sizes are mantissas at the instrument's exponents; messages at other exponents are rescaled on ingest.
 * <p>
 * The depth used for fills is the last BookLevels when one has been seen since the feed was last LIVE, else the
 * last best bid/offer as a single level. The top of book used for marks and bracket triggers is whichever of the
 * two arrived last.
 */
final class InstrumentState
{
    static final int FEED_UNKNOWN = 0;
    static final int FEED_LIVE = 1;
    static final int FEED_DOWN = 2;

    final int instrumentId;
    final Position position = new Position();

    int priceExponent;
    int sizeExponent;
    long tickSize;
    long stepSize;
    long minQuantity;
    long minNotional;
    boolean futures;
    boolean halted;
    boolean disabled;

    int feedState = FEED_UNKNOWN;
    long lastQuoteTimeNs;
    boolean hasQuote;

    private final long[] bidPrices;
    private final long[] bidSizes;
    private final long[] askPrices;
    private final long[] askSizes;
    private int bidLevels;
    private int askLevels;
    private boolean hasBook;

    private long bboBidPrice;
    private long bboBidSize;
    private long bboAskPrice;
    private long bboAskSize;
    private boolean hasBbo;

    long topBid;
    long topAsk;
    long venueMarkPrice;

    Order restingHead;
    Order restingTail;
    int restingCount;
    long restingBuyQuantity;
    long restingSellQuantity;

    InstrumentState(final int instrumentId, final int maxBookLevels)
    {
        this.instrumentId = instrumentId;
        bidPrices = new long[maxBookLevels];
        bidSizes = new long[maxBookLevels];
        askPrices = new long[maxBookLevels];
        askSizes = new long[maxBookLevels];
    }

    /**
     * Levels kept per side.
     *
     * @return capacity.
     */
    int capacity()
    {
        return bidPrices.length;
    }

    /**
     * Start a new book from a BookLevels message: clear both sides.
     */
    void beginBook()
    {
        bidLevels = 0;
        askLevels = 0;
        hasBook = true;
    }

    /**
     * Append a bid level, best first; ignored when empty or beyond capacity.
     *
     * @param price of the level.
     * @param size  of the level.
     */
    void addBid(final long price, final long size)
    {
        if (price > 0 && size > 0 && bidLevels < bidPrices.length)
        {
            bidPrices[bidLevels] = price;
            bidSizes[bidLevels++] = size;
        }
    }

    /**
     * Append an ask level, best first; ignored when empty or beyond capacity.
     *
     * @param price of the level.
     * @param size  of the level.
     */
    void addAsk(final long price, final long size)
    {
        if (price > 0 && size > 0 && askLevels < askPrices.length)
        {
            askPrices[askLevels] = price;
            askSizes[askLevels++] = size;
        }
    }

    /**
     * Finish a book: take its top as the top of book.
     *
     * @param receiveTimeNs feed receive time of the book.
     */
    void endBook(final long receiveTimeNs)
    {
        topBid = bidLevels > 0 ? bidPrices[0] : 0;
        topAsk = askLevels > 0 ? askPrices[0] : 0;
        lastQuoteTimeNs = receiveTimeNs;
        hasQuote = true;
    }

    /**
     * Take a best bid/offer.
     *
     * @param bidPrice      best bid, 0 when none.
     * @param bidSize       at the best bid.
     * @param askPrice      best ask, 0 when none.
     * @param askSize       at the best ask.
     * @param receiveTimeNs feed receive time.
     */
    void onBestBidOffer(
        final long bidPrice, final long bidSize, final long askPrice, final long askSize, final long receiveTimeNs)
    {
        final boolean bidValid = bidPrice > 0 && bidSize > 0;
        final boolean askValid = askPrice > 0 && askSize > 0;
        bboBidPrice = bidValid ? bidPrice : 0;
        bboBidSize = bidValid ? bidSize : 0;
        bboAskPrice = askValid ? askPrice : 0;
        bboAskSize = askValid ? askSize : 0;
        hasBbo = true;
        topBid = bboBidPrice;
        topAsk = bboAskPrice;
        lastQuoteTimeNs = receiveTimeNs;
        hasQuote = true;
    }

    /**
     * Forget the book: the feed is not LIVE, so nothing known about it can be traded on.
     */
    void clearMarket()
    {
        bidLevels = 0;
        askLevels = 0;
        hasBook = false;
        bboBidSize = 0;
        bboAskSize = 0;
        hasBbo = false;
        topBid = 0;
        topAsk = 0;
        hasQuote = false;
    }

    /**
     * Levels of a side of the fill depth.
     *
     * @param asks true for the ask side.
     * @return number of levels.
     */
    int depth(final boolean asks)
    {
        if (hasBook)
        {
            return asks ? askLevels : bidLevels;
        }
        if (hasBbo)
        {
            return (asks ? bboAskSize : bboBidSize) > 0 ? 1 : 0;
        }
        return 0;
    }

    /**
     * Price of a level of the fill depth.
     *
     * @param asks  true for the ask side.
     * @param level index, best first.
     * @return price mantissa.
     */
    long levelPrice(final boolean asks, final int level)
    {
        if (hasBook)
        {
            return asks ? askPrices[level] : bidPrices[level];
        }
        return asks ? bboAskPrice : bboBidPrice;
    }

    /**
     * Size left at a level of the fill depth, after paper fills against it.
     *
     * @param asks  true for the ask side.
     * @param level index, best first.
     * @return size mantissa.
     */
    long levelSize(final boolean asks, final int level)
    {
        if (hasBook)
        {
            return asks ? askSizes[level] : bidSizes[level];
        }
        return asks ? bboAskSize : bboBidSize;
    }

    /**
     * Take size from a level: paper fills deplete what they took until the next book or best bid/offer replaces it,
     * so two orders in a row cannot both take the same liquidity.
     *
     * @param asks     true for the ask side.
     * @param level    index, best first.
     * @param quantity taken.
     */
    void consume(final boolean asks, final int level, final long quantity)
    {
        if (hasBook)
        {
            if (asks)
            {
                askSizes[level] -= quantity;
            }
            else
            {
                bidSizes[level] -= quantity;
            }
        }
        else if (asks)
        {
            bboAskSize -= quantity;
        }
        else
        {
            bboBidSize -= quantity;
        }
    }

    /**
     * Drop emptied levels from the top of a side after fills consumed them.
     *
     * @param asks true for the ask side.
     */
    void compact(final boolean asks)
    {
        if (hasBook)
        {
            final long[] prices = asks ? askPrices : bidPrices;
            final long[] sizes = asks ? askSizes : bidSizes;
            final int levels = asks ? askLevels : bidLevels;
            int empty = 0;
            while (empty < levels && sizes[empty] <= 0)
            {
                empty++;
            }
            if (empty > 0)
            {
                System.arraycopy(prices, empty, prices, 0, levels - empty);
                System.arraycopy(sizes, empty, sizes, 0, levels - empty);
                if (asks)
                {
                    askLevels = levels - empty;
                }
                else
                {
                    bidLevels = levels - empty;
                }
            }
        }
        else if (hasBbo)
        {
            if (asks && bboAskSize <= 0)
            {
                bboAskSize = 0;
                bboAskPrice = 0;
            }
            else if (!asks && bboBidSize <= 0)
            {
                bboBidSize = 0;
                bboBidPrice = 0;
            }
        }
    }

    /**
     * Best price of a side of the fill depth.
     *
     * @param asks true for the ask side.
     * @return price mantissa, 0 when the side is empty.
     */
    long bestPrice(final boolean asks)
    {
        final int levels = depth(asks);
        for (int i = 0; i < levels; i++)
        {
            if (levelSize(asks, i) > 0)
            {
                return levelPrice(asks, i);
            }
        }
        return 0;
    }

    /**
     * The price positions are marked at: the venue's mark price for futures when known, else the mid of the top of
     * book, else 0 (keep the previous mark).
     *
     * @return price mantissa or 0.
     */
    long markPrice()
    {
        if (futures && venueMarkPrice > 0)
        {
            return venueMarkPrice;
        }
        if (topBid > 0 && topAsk > 0)
        {
            // Half away from zero, as every rounding here.
            return (topBid + topAsk + 1) >> 1;
        }
        return 0;
    }

    /**
     * Whether the instrument's feed allows trading: not explicitly down.
     *
     * @return true unless the last FeedStatus was not LIVE.
     */
    boolean feedUsable()
    {
        return FEED_DOWN != feedState;
    }
}
