package org.frontdesk;

/**
 * A transaction begun with {@link Store#begin()}:
 * <pre>{@code
 * try (Transaction t = store.begin()) {
 *   store.addStaff(actor, "F001", "王小丽", "clerk");
 *   t.commit();
 * }
 * }</pre>
 * Closing it without {@link #commit()} rolls it back, so an exception never leaves work half
 * done; unlike Python's {@code sqlite3} connection used as a context manager, nothing is committed
 * implicitly. Used by the store's thread.
 */
public final class Transaction implements AutoCloseable {
  private final Store store;
  private final long generation;
  private boolean ended;

  Transaction(Store store, long generation) {
    this.store = store;
    this.generation = generation;
  }

  /** Commits the work; ESTATE when this transaction has already ended. */
  public void commit() throws FrontdeskException {
    if (ended || !store.isOpen(generation)) {
      throw new FrontdeskException(Frontdesk.ESTATE, "Transaction.commit: the transaction has already ended");
    }
    store.commit();
    ended = true;
  }

  /** Rolls the work back; ESTATE when this transaction has already ended. */
  public void rollback() throws FrontdeskException {
    if (ended || !store.isOpen(generation)) {
      throw new FrontdeskException(Frontdesk.ESTATE, "Transaction.rollback: the transaction has already ended");
    }
    ended = true;
    store.rollback();
  }

  /** Whether the transaction has been committed or rolled back (here or through the Store). */
  public boolean isEnded() throws FrontdeskException {
    return ended || !store.isOpen(generation);
  }

  /** Rolls back unless committed; harmless when the transaction has ended. */
  @Override
  public void close() throws FrontdeskException {
    if (!isEnded()) {
      rollback();
    }
    ended = true;
  }
}
