/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

import java.util.HashMap;
import java.util.Map;

/**
 * TEST ONLY: the exchange's own view of our books. A stream subscriber that, for every {@code BestBidOffer} whose
 * update id equals the update id of the instrument's last {@code BookLevels} while the instrument is LIVE, checks that
 * the venue's best bid and ask are exactly the book's.
 */
public final class CheckpointVerifier implements SbeHandler
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BookLevelsDecoder levels = new BookLevelsDecoder();
    private final BestBidOfferDecoder quote = new BestBidOfferDecoder();
    private final FeedStatusDecoder status = new FeedStatusDecoder();
    private final Map<Integer, long[]> books = new HashMap<>();
    private final Map<Integer, FeedState> states = new HashMap<>();
    private final Map<Integer, int[]> results = new HashMap<>();

    /**
     * {@inheritDoc}
     */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        switch (header.templateId())
        {
            case BookLevelsDecoder.TEMPLATE_ID ->
            {
                levels.wrapAndApplyHeader(buffer, offset, header);
                final long[] book = new long[3];
                book[0] = levels.lastUpdateId();
                final BookLevelsDecoder.BidsDecoder bids = levels.bids();
                book[1] = bids.count() > 0 ? bids.next().price() : Long.MIN_VALUE;
                while (bids.hasNext())
                {
                    bids.next();
                }
                final BookLevelsDecoder.AsksDecoder asks = levels.asks();
                book[2] = asks.count() > 0 ? asks.next().price() : Long.MIN_VALUE;
                books.put(levels.instrumentId(), book);
            }
            case FeedStatusDecoder.TEMPLATE_ID ->
            {
                status.wrapAndApplyHeader(buffer, offset, header);
                states.put(status.instrumentId(), status.state());
            }
            case BestBidOfferDecoder.TEMPLATE_ID ->
            {
                quote.wrapAndApplyHeader(buffer, offset, header);
                final int id = quote.instrumentId();
                final long[] book = books.get(id);
                if (FeedState.LIVE == states.get(id) && null != book && book[0] == quote.updateId())
                {
                    final int[] result = results.computeIfAbsent(id, (k) -> new int[2]);
                    result[0]++;
                    if (book[1] != quote.bidPrice() || book[2] != quote.askPrice())
                    {
                        result[1]++;
                    }
                }
            }
            default ->
            {
            }
        }
    }

    /**
     * Checkpoints seen for an instrument.
     *
     * @param instrumentId of the instrument.
     * @return the count.
     */
    public int checkpoints(final int instrumentId)
    {
        return results.getOrDefault(instrumentId, new int[2])[0];
    }

    /**
     * Checkpoints where the venue's best prices were not the book's.
     *
     * @param instrumentId of the instrument.
     * @return the count.
     */
    public int mismatches(final int instrumentId)
    {
        return results.getOrDefault(instrumentId, new int[2])[1];
    }
}
