package org.frontdesk;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The records of a query, read as you iterate (the library reads pages):
 * {@code try (RecordIterator<JournalEntry> it = store.journal(actor, filter)) { for (JournalEntry e : it) ... }}.
 * The native iterator is freed when the records are exhausted, on {@link #close()}, or by a
 * Cleaner if neither happens. Single use: {@link #iterator()} returns this.
 *
 * @param <T> the record class
 */
public final class RecordIterator<T> implements Iterator<T>, Iterable<T>, AutoCloseable {
  /** One step of a native iterator: the next record, or null at the end. */
  interface Step<I, T> {
    T next(I iter) throws FrontdeskException;
  }

  private interface Fetch<T> {
    T get() throws FrontdeskException;
  }

  /** A library error while reading the next record, from {@link #hasNext()} or {@link #next()}. */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(FrontdeskException cause) {
      super(cause.getMessage(), cause);
    }

    /** The library's exception, with its code. */
    @Override
    public synchronized FrontdeskException getCause() {
      return (FrontdeskException) super.getCause();
    }
  }

  private static final class Owned<I> extends NativeHandle<I> {
    Owned(I iter, Consumer<I> free) {
      super(iter, free);
    }

    I get() throws FrontdeskException {
      return handle();
    }
  }

  private final Owned<?> owner;
  private final Fetch<T> fetch;
  private T pending;
  private boolean fetched;

  <I> RecordIterator(I iter, Consumer<I> free, Step<I, T> step) {
    Owned<I> h = new Owned<>(iter, free);
    this.owner = h;
    this.fetch = () -> step.next(h.get());
  }

  /** Whether another record follows; reads the next page from the library when needed. */
  @Override
  public boolean hasNext() {
    if (!fetched) {
      if (owner.isClosed()) {
        return false;
      }
      try {
        pending = fetch.get();
      } catch (FrontdeskException e) {
        close();
        throw new Failure(e);
      }
      fetched = true;
      if (pending == null) {
        close();
      }
    }
    return pending != null;
  }

  /** The next record. */
  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T r = pending;
    pending = null;
    fetched = false;
    return r;
  }

  /** This iterator, for a for-each loop (single use). */
  @Override
  public Iterator<T> iterator() {
    return this;
  }

  /** The remaining records as a sequential stream; closing the stream closes this. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(this::close);
  }

  /** Whether the native iterator is freed. */
  public boolean isClosed() {
    return owner.isClosed();
  }

  /** Frees the native iterator; closing twice is harmless. */
  @Override
  public void close() {
    owner.close();
  }
}
