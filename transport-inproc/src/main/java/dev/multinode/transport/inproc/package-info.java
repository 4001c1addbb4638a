/**
 * The in-process transport ({@code inproc}): every participant is a thread of one JVM and owns an
 * inbox, an Agrona {@link org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer} in direct memory
 * that any participant may write to and only its owner reads. Select it with
 * {@code -Dmultinode.transport=inproc} (the default); it supports the {@code thread} launch mode only.
 */
package dev.multinode.transport.inproc;
