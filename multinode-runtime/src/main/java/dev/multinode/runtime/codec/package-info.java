/**
 * The encoding of probe messages ({@code Node.tell}): a closed set of value types, plus the records
 * and enums the spec allowed. Decoding must never load or instantiate a class the spec did not
 * allow, since the bytes come from another node. Control frames are not its business (see the
 * protocol package).
 */
package dev.multinode.runtime.codec;
