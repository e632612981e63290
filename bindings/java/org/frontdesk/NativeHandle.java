package org.frontdesk;

import java.lang.ref.Cleaner;

/**
 * Owns one C handle. close() frees it exactly once; if the owner is garbage
 * collected unclosed, the Cleaner frees it. The free action holds only the
 * native pointer, never the owner.
 */
abstract class NativeHandle<P> implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  private P ptr;
  private final Cleaner.Cleanable cleanable;

  protected NativeHandle(P ptr, java.util.function.Consumer<P> free) {
    this.ptr = ptr;
    final P p = ptr;
    this.cleanable = CLEANER.register(this, () -> free.accept(p));
  }

  /** The native pointer; throws ESTATE once closed. */
  protected P handle() throws FrontdeskException {
    if (ptr == null) {
      throw new FrontdeskException(Frontdesk.ESTATE, getClass().getSimpleName() + " is closed");
    }
    return ptr;
  }

  public boolean isClosed() {
    return ptr == null;
  }

  /** Frees the native object; closing twice is harmless. */
  @Override
  public void close() {
    if (ptr != null) {
      ptr = null;
      cleanable.clean();
    }
  }
}
