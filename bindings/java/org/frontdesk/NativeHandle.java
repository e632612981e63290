package org.frontdesk;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;

/**
 * Owns one C handle. close() frees it exactly once; if the owner is garbage
 * collected unclosed, the Cleaner frees it. The free action holds only the
 * native pointer, never the owner.
 *
 * <p>Once the raw pointer has been read, nothing in a method like
 * {@code FrontdeskNative.fd_x(handle(), ...)} uses {@code this} any more, so the
 * JIT may let the owner be collected, and the Cleaner free the C object, while
 * the native call still runs on it. Make native calls through {@link #call} and
 * {@link #run}, which keep the owner (and a second handle passed along) reachable
 * until the call returns ({@link Reference#reachabilityFence}).
 */
abstract class NativeHandle<P> implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  private P ptr;
  private final Cleaner.Cleanable cleanable;

  /** A native call that answers something, given the raw pointer. */
  @FunctionalInterface
  interface Call<P, R> {
    R apply(P ptr) throws FrontdeskException;
  }

  /** A native call that answers nothing, given the raw pointer. */
  @FunctionalInterface
  interface Run<P> {
    void apply(P ptr) throws FrontdeskException;
  }

  /** A native call given two raw pointers, this handle's and another's (null when that handle is null). */
  @FunctionalInterface
  interface Call2<P, Q, R> {
    R apply(P ptr, Q other) throws FrontdeskException;
  }

  /** Takes ownership of {@code ptr}, which {@code free} releases once (on close or by the Cleaner). */
  protected NativeHandle(P ptr, java.util.function.Consumer<P> free) {
    this.ptr = ptr;
    final P p = ptr;
    this.cleanable = CLEANER.register(this, () -> free.accept(p));
  }

  /**
   * The native pointer; throws ESTATE once closed. The pointer does not keep this
   * object alive: use it inside {@link #call} or {@link #run}, or fence {@code this}.
   */
  protected P handle() throws FrontdeskException {
    if (ptr == null) {
      throw new FrontdeskException(Frontdesk.ESTATE, getClass().getSimpleName() + " is closed");
    }
    return ptr;
  }

  /** Runs {@code call} on the native pointer, keeping this object reachable until it returns. */
  protected final <R> R call(Call<P, R> call) throws FrontdeskException {
    try {
      return call.apply(handle());
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** As {@link #call(Call)} for a call that answers nothing. */
  protected final void run(Run<P> run) throws FrontdeskException {
    try {
      run.apply(handle());
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /**
   * Runs {@code call} on this native pointer and {@code other}'s ({@code null} when
   * {@code other} is null, for optional arguments), keeping both objects reachable.
   */
  protected final <Q, R> R call(NativeHandle<Q> other, Call2<P, Q, R> call) throws FrontdeskException {
    try {
      return call.apply(handle(), other == null ? null : other.handle());
    } finally {
      Reference.reachabilityFence(this);
      Reference.reachabilityFence(other);
    }
  }

  /** Whether {@link #close()} has freed the native object. */
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
