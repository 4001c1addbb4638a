/** A multinode user's test module: it needs the API alone; the runtime and transports are found as services. */
module dev.multinode.consumer {
    requires dev.multinode.api;
}
