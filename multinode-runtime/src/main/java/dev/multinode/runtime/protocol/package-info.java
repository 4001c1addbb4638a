/**
 * The frames the runtime puts on a transport: their types, the layout of their payloads, fault
 * operations and exceptions as text. It knows frame layouts, not rules: when a frame is sent and
 * what it means for the run is for the conductor and the node to say.
 */
package dev.multinode.runtime.protocol;
