/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.mxc.push.common.protobuf.PublicAggreBookTickerV3Api;
import com.mxc.push.common.protobuf.PublicAggreDealsV3Api;
import com.mxc.push.common.protobuf.PublicAggreDealsV3ApiItem;
import com.mxc.push.common.protobuf.PublicAggreDepthV3ApiItem;
import com.mxc.push.common.protobuf.PublicAggreDepthsV3Api;
import com.mxc.push.common.protobuf.PublicBookTickerBatchV3Api;
import com.mxc.push.common.protobuf.PublicBookTickerV3Api;
import com.mxc.push.common.protobuf.PublicDealsV3Api;
import com.mxc.push.common.protobuf.PublicDealsV3ApiItem;
import com.mxc.push.common.protobuf.PublicIncreaseDepthV3ApiItem;
import com.mxc.push.common.protobuf.PublicIncreaseDepthsBatchV3Api;
import com.mxc.push.common.protobuf.PublicIncreaseDepthsV3Api;
import com.mxc.push.common.protobuf.PublicLimitDepthV3ApiItem;
import com.mxc.push.common.protobuf.PublicLimitDepthsV3Api;
import com.mxc.push.common.protobuf.PublicSpotKlineV3Api;
import com.mxc.push.common.protobuf.PushDataV3ApiWrapper;

/**
 * MEXC spot v3 pushes encoded with protobuf-java from MEXC's own .proto files. Levels are {@code {price, quantity,
 * ...}} decimal strings.
 */
final class MexcSpotFrames
{
    static final String SYMBOL = "BTCUSDT";
    static final long CREATE_TIME_MS = 1_736_409_765_051L;
    static final long SEND_TIME_MS = 1_736_409_765_052L;

    private MexcSpotFrames()
    {
    }

    static PushDataV3ApiWrapper.Builder wrapper(final String channel)
    {
        return PushDataV3ApiWrapper.newBuilder()
            .setChannel("spot@" + channel + "@" + SYMBOL)
            .setSymbol(SYMBOL)
            .setSymbolId("2fb942154ef44a4ab2ef98c8afb6a4a7")
            .setCreateTime(CREATE_TIME_MS)
            .setSendTime(SEND_TIME_MS);
    }

    static PublicAggreDealsV3ApiItem aggreDeal(
        final String price, final String quantity, final int tradeType, final long timeMs, final String tradeId)
    {
        return PublicAggreDealsV3ApiItem.newBuilder()
            .setPrice(price).setQuantity(quantity).setTradeType(tradeType).setTime(timeMs).setTradeId(tradeId).build();
    }

    static byte[] aggreDeals(final PublicAggreDealsV3ApiItem... deals)
    {
        final PublicAggreDealsV3Api.Builder body = PublicAggreDealsV3Api.newBuilder()
            .setEventType("spot@public.aggre.deals.v3.api.pb@100ms");
        for (final PublicAggreDealsV3ApiItem deal : deals)
        {
            body.addDeals(deal);
        }
        return wrapper("public.aggre.deals.v3.api.pb@100ms").setPublicAggreDeals(body).build().toByteArray();
    }

    static byte[] deals(final String price, final String quantity, final int tradeType, final long timeMs)
    {
        return wrapper("public.deals.v3.api.pb").setPublicDeals(PublicDealsV3Api.newBuilder()
            .addDeals(PublicDealsV3ApiItem.newBuilder()
                .setPrice(price).setQuantity(quantity).setTradeType(tradeType).setTime(timeMs))
            .setEventType("spot@public.deals.v3.api.pb")).build().toByteArray();
    }

    static PublicAggreDepthsV3Api aggreDepthBody(
        final long fromVersion, final long toVersion, final String[] bids, final String[] asks)
    {
        final PublicAggreDepthsV3Api.Builder body = PublicAggreDepthsV3Api.newBuilder()
            .setEventType("spot@public.aggre.depth.v3.api.pb@100ms")
            .setFromVersion(Long.toString(fromVersion))
            .setToVersion(Long.toString(toVersion))
            .setLastOrderCreateTime(CREATE_TIME_MS - 5);
        for (int i = 0; i < bids.length; i += 2)
        {
            body.addBids(PublicAggreDepthV3ApiItem.newBuilder().setPrice(bids[i]).setQuantity(bids[i + 1]));
        }
        for (int i = 0; i < asks.length; i += 2)
        {
            body.addAsks(PublicAggreDepthV3ApiItem.newBuilder().setPrice(asks[i]).setQuantity(asks[i + 1]));
        }
        return body.build();
    }

    static byte[] aggreDepth(final long fromVersion, final long toVersion, final String[] bids, final String[] asks)
    {
        return wrapper("public.aggre.depth.v3.api.pb@100ms")
            .setPublicAggreDepths(aggreDepthBody(fromVersion, toVersion, bids, asks)).build().toByteArray();
    }

    static PublicIncreaseDepthsV3Api increaseDepthBody(final long version, final String[] bids, final String[] asks)
    {
        final PublicIncreaseDepthsV3Api.Builder body = PublicIncreaseDepthsV3Api.newBuilder()
            .setEventType("spot@public.increase.depth.v3.api.pb")
            .setVersion(Long.toString(version));
        for (int i = 0; i < bids.length; i += 2)
        {
            body.addBids(PublicIncreaseDepthV3ApiItem.newBuilder().setPrice(bids[i]).setQuantity(bids[i + 1]));
        }
        for (int i = 0; i < asks.length; i += 2)
        {
            body.addAsks(PublicIncreaseDepthV3ApiItem.newBuilder().setPrice(asks[i]).setQuantity(asks[i + 1]));
        }
        return body.build();
    }

    static byte[] increaseDepth(final long version, final String[] bids, final String[] asks)
    {
        return wrapper("public.increase.depth.v3.api.pb")
            .setPublicIncreaseDepths(increaseDepthBody(version, bids, asks)).build().toByteArray();
    }

    static byte[] increaseDepthBatch(final PublicIncreaseDepthsV3Api... depths)
    {
        final PublicIncreaseDepthsBatchV3Api.Builder body = PublicIncreaseDepthsBatchV3Api.newBuilder()
            .setEventType("spot@public.increase.depth.batch.v3.api.pb");
        for (final PublicIncreaseDepthsV3Api depth : depths)
        {
            body.addItems(depth);
        }
        return wrapper("public.increase.depth.batch.v3.api.pb").setPublicIncreaseDepthsBatch(body).build()
            .toByteArray();
    }

    static byte[] limitDepth(final long version, final String[] bids, final String[] asks)
    {
        final PublicLimitDepthsV3Api.Builder body = PublicLimitDepthsV3Api.newBuilder()
            .setEventType("spot@public.limit.depth.v3.api.pb")
            .setVersion(Long.toString(version))
            .setLastOrderCreateTime(CREATE_TIME_MS - 1);
        for (int i = 0; i < bids.length; i += 2)
        {
            body.addBids(PublicLimitDepthV3ApiItem.newBuilder().setPrice(bids[i]).setQuantity(bids[i + 1]));
        }
        for (int i = 0; i < asks.length; i += 2)
        {
            body.addAsks(PublicLimitDepthV3ApiItem.newBuilder().setPrice(asks[i]).setQuantity(asks[i + 1]));
        }
        return wrapper("public.limit.depth.v3.api.pb").setPublicLimitDepths(body).build().toByteArray();
    }

    static byte[] aggreBookTicker(
        final String bidPrice, final String bidQuantity, final String askPrice, final String askQuantity,
        final long version)
    {
        return wrapper("public.aggre.bookTicker.v3.api.pb@100ms").setPublicAggreBookTicker(
            PublicAggreBookTickerV3Api.newBuilder()
                .setBidPrice(bidPrice).setBidQuantity(bidQuantity).setAskPrice(askPrice).setAskQuantity(askQuantity)
                .setVersion(Long.toString(version)).setLastOrderCreateTime(CREATE_TIME_MS - 2))
            .build().toByteArray();
    }

    static PublicBookTickerV3Api bookTickerBody(
        final String bidPrice, final String bidQuantity, final String askPrice, final String askQuantity)
    {
        return PublicBookTickerV3Api.newBuilder()
            .setBidPrice(bidPrice).setBidQuantity(bidQuantity).setAskPrice(askPrice).setAskQuantity(askQuantity)
            .build();
    }

    static byte[] bookTicker(
        final String bidPrice, final String bidQuantity, final String askPrice, final String askQuantity)
    {
        return wrapper("public.bookTicker.v3.api.pb")
            .setPublicBookTicker(bookTickerBody(bidPrice, bidQuantity, askPrice, askQuantity)).build().toByteArray();
    }

    /**
     * A batch whose version and time are written before the items, the reverse of the schema's field order.
     */
    static byte[] bookTickerBatch(final long version, final PublicBookTickerV3Api... tickers)
    {
        final PublicBookTickerBatchV3Api.Builder body = PublicBookTickerBatchV3Api.newBuilder()
            .setVersion(Long.toString(version)).setLastOrderCreateTime(CREATE_TIME_MS - 3);
        for (final PublicBookTickerV3Api ticker : tickers)
        {
            body.addItems(ticker);
        }
        final byte[] items = PublicBookTickerBatchV3Api.newBuilder().addAllItems(body.getItemsList()).build()
            .toByteArray();
        final byte[] head = PublicBookTickerBatchV3Api.newBuilder()
            .setVersion(body.getVersion()).setLastOrderCreateTime(body.getLastOrderCreateTime()).build().toByteArray();
        final byte[] reordered = new byte[head.length + items.length];
        System.arraycopy(head, 0, reordered, 0, head.length);
        System.arraycopy(items, 0, reordered, head.length, items.length);
        return PushDataV3ApiWrapper.newBuilder()
            .setChannel("spot@public.bookTicker.batch.v3.api.pb@" + SYMBOL)
            .setSymbol(SYMBOL)
            .setSendTime(SEND_TIME_MS)
            .setUnknownFields(UnknownFieldSet.newBuilder()
                .addField(MexcSpotDecoder.PUBLIC_BOOK_TICKER_BATCH, UnknownFieldSet.Field.newBuilder()
                    .addLengthDelimited(ByteString.copyFrom(reordered)).build())
                .build())
            .build().toByteArray();
    }

    static byte[] kline()
    {
        return wrapper("public.kline.v3.api.pb").setPublicSpotKline(PublicSpotKlineV3Api.newBuilder()
            .setInterval("Min15").setWindowStart(1_736_410_500L).setOpeningPrice("92925").setClosingPrice("93158.47")
            .setHighestPrice("93158.47").setLowestPrice("92800").setVolume("36.83803224").setAmount("3424811.05")
            .setWindowEnd(1_736_411_400L)).build().toByteArray();
    }

    /**
     * Unknown fields of every wire type, as a newer schema might add.
     */
    static UnknownFieldSet unknownFields()
    {
        return UnknownFieldSet.newBuilder()
            .addField(90, UnknownFieldSet.Field.newBuilder().addVarint(-5L).build())
            .addField(91, UnknownFieldSet.Field.newBuilder().addFixed32(7).build())
            .addField(92, UnknownFieldSet.Field.newBuilder().addFixed64(8L).build())
            .addField(93, UnknownFieldSet.Field.newBuilder()
                .addLengthDelimited(ByteString.copyFromUtf8("{\"future\":true}")).build())
            .build();
    }
}
