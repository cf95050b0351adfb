/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Venue instruments and their stable integer ids.
 * <p>
 * Ids are dense, start at 1 and never change once assigned: a registry saved with {@link #save(Path)} and loaded
 * again keeps every id, and instruments added later get new ids after the highest one. Components index their
 * per-instrument state by id, so the scanner's arrays are as dense as the universe.
 * <p>
 * The hot path only calls the lookup methods taking a buffer and the primitive accessors; adding an instrument
 * allocates and is done at start-up, or once when a replay first sees a symbol. Not thread safe: each component owns
 * its registry, and downstream components fill theirs from {@code InstrumentDefinition} messages.
 */
public final class InstrumentRegistry
{
    /**
     * The id no instrument has; SBE messages use it for "not per instrument".
     */
    public static final int NULL_INSTRUMENT_ID = 0;

    /**
     * Exponent used for Binance prices and sizes. Binance formats every decimal with at most eight fractional digits,
     * and mark, index and average prices carry all eight even when the tick is coarser, so -8 represents every value
     * it sends exactly. 10^-8 mantissas still cover prices and sizes up to 92 billion.
     */
    public static final int DEFAULT_EXPONENT = -8;

    private static final String CSV_HEADER =
        "id,venue,symbol,kind,status,priceExponent,sizeExponent,tickSize,stepSize,minQty,minNotional,contractSize," +
        "baseAsset,quoteAsset";

    private final AsciiSymbolIndex index;
    private Instrument[] instruments;
    private byte[] priceExponents;
    private byte[] sizeExponents;
    private int maxId;
    private int size;

    /**
     * An empty registry.
     */
    public InstrumentRegistry()
    {
        this(1024);
    }

    /**
     * An empty registry sized for about {@code expectedSize} instruments.
     *
     * @param expectedSize instruments expected.
     */
    public InstrumentRegistry(final int expectedSize)
    {
        index = new AsciiSymbolIndex(expectedSize);
        instruments = new Instrument[expectedSize + 1];
        priceExponents = new byte[expectedSize + 1];
        sizeExponents = new byte[expectedSize + 1];
    }

    /**
     * Number of instruments.
     *
     * @return number of instruments.
     */
    public int size()
    {
        return size;
    }

    /**
     * Highest id assigned; per-instrument arrays need {@code maxId() + 1} slots.
     *
     * @return highest id, 0 when empty.
     */
    public int maxId()
    {
        return maxId;
    }

    /**
     * Add an instrument, or replace the reference data of one already known under the same venue and symbol
     * (keeping its id). An instrument with id 0 is given the next free id.
     *
     * @param instrument to add.
     * @return the id it has in this registry.
     * @throws IllegalArgumentException if its id is taken by another venue and symbol.
     */
    public int add(final Instrument instrument)
    {
        final int venueCode = instrument.venue().value();
        final int existing = index.get(venueCode, instrument.symbol());
        final int id;
        if (NULL_INSTRUMENT_ID != existing)
        {
            if (NULL_INSTRUMENT_ID != instrument.id() && existing != instrument.id())
            {
                throw new IllegalArgumentException(
                    instrument.key() + " already has id " + existing + ", cannot give it id " + instrument.id());
            }
            id = existing;
        }
        else
        {
            id = NULL_INSTRUMENT_ID == instrument.id() ? maxId + 1 : instrument.id();
            if (id < 0)
            {
                throw new IllegalArgumentException("negative id for " + instrument.key() + ": " + id);
            }
            ensureCapacity(id);
            if (null != instruments[id])
            {
                throw new IllegalArgumentException(
                    "id " + id + " of " + instrument.key() + " is already used by " + instruments[id].key());
            }
            index.put(venueCode, instrument.symbol(), id);
            size++;
            maxId = Math.max(maxId, id);
        }

        instruments[id] = instrument.id() == id ? instrument : instrument.withId(id);
        priceExponents[id] = (byte)instrument.priceExponent();
        sizeExponents[id] = (byte)instrument.sizeExponent();
        return id;
    }

    /**
     * Register a symbol with default reference data if it is not known yet: used when replaying captures that came
     * without an exchangeInfo.
     *
     * @param venue  of the symbol.
     * @param symbol venue symbol, any case.
     * @return its id.
     */
    public int register(final Venue venue, final CharSequence symbol)
    {
        final int existing = index.get(venue.value(), symbol);
        if (NULL_INSTRUMENT_ID != existing)
        {
            return existing;
        }
        return add(defaultInstrument(venue, symbol.toString().toUpperCase(Locale.ROOT)));
    }

    /**
     * Register a symbol given as bytes, see {@link #register(Venue, CharSequence)}. Allocates only the first time a
     * symbol is seen.
     *
     * @param venue  of the symbol.
     * @param buffer holding the ASCII symbol.
     * @param offset of the symbol.
     * @param length of the symbol.
     * @return its id.
     */
    public int register(final Venue venue, final DirectBuffer buffer, final int offset, final int length)
    {
        final int existing = index.get(venue.value(), buffer, offset, length);
        if (NULL_INSTRUMENT_ID != existing)
        {
            return existing;
        }
        return register(venue, buffer.getStringWithoutLengthAscii(offset, length));
    }

    /**
     * Reference data for a symbol nobody described: exponents of {@link #DEFAULT_EXPONENT}, kind from the venue.
     *
     * @param venue  of the symbol.
     * @param symbol upper-case venue symbol.
     * @return the instrument with id 0.
     */
    public static Instrument defaultInstrument(final Venue venue, final String symbol)
    {
        return new Instrument(
            NULL_INSTRUMENT_ID, venue, symbol, guessKind(venue, symbol), InstrumentStatus.TRADING,
            DEFAULT_EXPONENT, DEFAULT_EXPONENT, 0, 0, 0, 0.0, 1.0, "", "");
    }

    /**
     * The kind of a venue symbol by its shape: futures venues list perpetuals, or deliveries with a date suffix.
     *
     * @param venue  of the symbol.
     * @param symbol venue symbol.
     * @return the kind.
     */
    public static InstrumentKind guessKind(final Venue venue, final String symbol)
    {
        if (!Venues.isFutures(venue))
        {
            return InstrumentKind.SPOT;
        }
        final int underscore = symbol.lastIndexOf('_');
        if (underscore > 0 && underscore + 1 < symbol.length() && Character.isDigit(symbol.charAt(underscore + 1)))
        {
            return InstrumentKind.DELIVERY;
        }
        return InstrumentKind.PERPETUAL;
    }

    /**
     * Id of a symbol given as bytes; allocation free.
     *
     * @param venueCode {@link Venue#value()} of the venue.
     * @param buffer    holding the ASCII symbol.
     * @param offset    of the symbol.
     * @param length    of the symbol.
     * @return the id or {@link #NULL_INSTRUMENT_ID}.
     */
    public int idOf(final int venueCode, final DirectBuffer buffer, final int offset, final int length)
    {
        return index.get(venueCode, buffer, offset, length);
    }

    /**
     * Id of a symbol.
     *
     * @param venue  of the symbol.
     * @param symbol venue symbol, any case.
     * @return the id or {@link #NULL_INSTRUMENT_ID}.
     */
    public int idOf(final Venue venue, final CharSequence symbol)
    {
        return index.get(venue.value(), symbol);
    }

    /**
     * Reference data of an id.
     *
     * @param id of the instrument.
     * @return the instrument, or null if the id is not assigned.
     */
    public Instrument get(final int id)
    {
        return id > 0 && id <= maxId ? instruments[id] : null;
    }

    /**
     * Whether an id is assigned.
     *
     * @param id to test.
     * @return true if assigned.
     */
    public boolean contains(final int id)
    {
        return id > 0 && id <= maxId && null != instruments[id];
    }

    /**
     * Price exponent of an assigned id.
     *
     * @param id of the instrument.
     * @return its price exponent.
     */
    public int priceExponent(final int id)
    {
        return priceExponents[id];
    }

    /**
     * Size exponent of an assigned id.
     *
     * @param id of the instrument.
     * @return its size exponent.
     */
    public int sizeExponent(final int id)
    {
        return sizeExponents[id];
    }

    /**
     * {@code VENUE:SYMBOL} of an id, or {@code #id} if unknown; for tools.
     *
     * @param id of the instrument.
     * @return the key.
     */
    public String key(final int id)
    {
        final Instrument instrument = get(id);
        return null == instrument ? "#" + id : instrument.key();
    }

    /**
     * Symbol of an id, or {@code #id} if unknown; for tools.
     *
     * @param id of the instrument.
     * @return the symbol.
     */
    public String symbol(final int id)
    {
        final Instrument instrument = get(id);
        return null == instrument ? "#" + id : instrument.symbol();
    }

    /**
     * Visit every instrument in id order.
     *
     * @param consumer of each instrument.
     */
    public void forEach(final Consumer<Instrument> consumer)
    {
        for (int id = 1; id <= maxId; id++)
        {
            final Instrument instrument = instruments[id];
            if (null != instrument)
            {
                consumer.accept(instrument);
            }
        }
    }

    /**
     * All instruments in id order.
     *
     * @return a new list.
     */
    public List<Instrument> instruments()
    {
        final List<Instrument> list = new ArrayList<>(size);
        forEach(list::add);
        return list;
    }

    /**
     * Learn an instrument from its definition message, keeping the id the publisher gave it.
     *
     * @param definition decoder positioned on the message.
     * @return the id.
     */
    public int onDefinition(final InstrumentDefinitionDecoder definition)
    {
        final int id = definition.instrumentId();
        final Venue venue = definition.venue();
        final InstrumentKind kind = definition.kind();
        final InstrumentStatus status = definition.status();
        final int priceExponent = definition.priceExponent();
        final int sizeExponent = definition.sizeExponent();
        final long tickSize = definition.tickSize();
        final long stepSize = definition.stepSize();
        final long minQty = definition.minQty();
        final double minNotional = decimalToDouble(definition.minNotional().mantissa(), definition.minNotional().exponent());
        final double contractSize =
            decimalToDouble(definition.contractSize().mantissa(), definition.contractSize().exponent());
        final String symbol = definition.symbol();
        final String baseAsset = definition.baseAsset();
        final String quoteAsset = definition.quoteAsset();

        final Instrument known = get(id);
        if (null != known && !(known.venue() == venue && known.symbol().equals(symbol)))
        {
            throw new IllegalArgumentException("id " + id + " is " + known.key() + ", not " + venue + ':' + symbol);
        }
        return add(new Instrument(
            id, venue, symbol, kind, status, priceExponent, sizeExponent, tickSize, stepSize, minQty, minNotional,
            contractSize, baseAsset, quoteAsset));
    }

    /**
     * Encode an instrument's definition; the times are the caller's.
     *
     * @param id            of the instrument.
     * @param encoder       wrapped at the message position, header applied.
     * @param receiveTimeNs when the reference data arrived.
     * @param publishTimeNs when it is published.
     */
    public void encodeDefinition(
        final int id, final InstrumentDefinitionEncoder encoder, final long receiveTimeNs, final long publishTimeNs)
    {
        final Instrument instrument = instruments[id];
        encoder
            .instrumentId(id)
            .eventTimeNs(InstrumentDefinitionEncoder.eventTimeNsNullValue())
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .venue(instrument.venue())
            .kind(instrument.kind())
            .status(instrument.status())
            .priceExponent((byte)instrument.priceExponent())
            .sizeExponent((byte)instrument.sizeExponent())
            .tickSize(instrument.tickSize())
            .stepSize(instrument.stepSize())
            .minQty(instrument.minQty());
        encoder.minNotional().mantissa(FixedPoint.fromDouble(instrument.minNotional(), -8)).exponent((byte)-8);
        encoder.contractSize().mantissa(FixedPoint.fromDouble(instrument.contractSize(), -8)).exponent((byte)-8);
        encoder.symbol(instrument.symbol());
        encoder.baseAsset(instrument.baseAsset());
        encoder.quoteAsset(instrument.quoteAsset());
    }

    /**
     * Write the registry as CSV, atomically (temporary file then rename), so ids survive restarts.
     *
     * @param file to write.
     */
    public void save(final Path file)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            final Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII))
            {
                writer.write(CSV_HEADER);
                writer.newLine();
                for (int id = 1; id <= maxId; id++)
                {
                    final Instrument i = instruments[id];
                    if (null != i)
                    {
                        writer.write(i.id() + "," + i.venue() + "," + i.symbol() + "," + i.kind() + "," + i.status() +
                            "," + i.priceExponent() + "," + i.sizeExponent() + "," + i.tickSize() + "," +
                            i.stepSize() + "," + i.minQty() + "," + i.minNotional() + "," + i.contractSize() + "," +
                            i.baseAsset() + "," + i.quoteAsset());
                        writer.newLine();
                    }
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write instrument registry " + file, ex);
        }
    }

    /**
     * Load instruments written by {@link #save(Path)}, keeping their ids.
     *
     * @param file to read.
     * @return this registry.
     * @throws IllegalArgumentException naming the line and the reason when a line is malformed.
     */
    public InstrumentRegistry load(final Path file)
    {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII))
        {
            String line = reader.readLine();
            if (!CSV_HEADER.equals(line))
            {
                throw new IllegalArgumentException(file + ":1: expected header '" + CSV_HEADER + "'");
            }
            int lineNumber = 1;
            while (null != (line = reader.readLine()))
            {
                lineNumber++;
                if (line.isBlank())
                {
                    continue;
                }
                final String[] f = line.split(",", -1);
                if (f.length != 14)
                {
                    throw new IllegalArgumentException(
                        file + ":" + lineNumber + ": expected 14 fields, found " + f.length);
                }
                try
                {
                    add(new Instrument(
                        Integer.parseInt(f[0]), Venue.valueOf(f[1]), f[2], InstrumentKind.valueOf(f[3]),
                        InstrumentStatus.valueOf(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]),
                        Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]), Double.parseDouble(f[10]),
                        Double.parseDouble(f[11]), f[12], f[13]));
                }
                catch (final RuntimeException ex)
                {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": " + ex.getMessage(), ex);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read instrument registry " + file, ex);
        }
        return this;
    }

    private void ensureCapacity(final int id)
    {
        if (id >= instruments.length)
        {
            final int capacity = Math.max(id + 1, instruments.length * 2);
            instruments = Arrays.copyOf(instruments, capacity);
            priceExponents = Arrays.copyOf(priceExponents, capacity);
            sizeExponents = Arrays.copyOf(sizeExponents, capacity);
        }
    }

    private static double decimalToDouble(final long mantissa, final int exponent)
    {
        return Long.MIN_VALUE == mantissa ? 0.0 : FixedPoint.toDouble(mantissa, exponent);
    }
}
