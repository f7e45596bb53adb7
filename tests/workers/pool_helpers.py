"""Host functions installed into worker realms by the fault tests (shipped by value)."""

import os


def install_crashers(realm):
    """hostExit(code) -> os._exit; hostSegfault() -> SIGSEGV; hostPid() -> the pid."""
    def host_exit(this, code=None, *rest):
        os._exit(int(code) if isinstance(code, float) else 3)

    def host_segfault(this, *rest):
        import ctypes
        ctypes.string_at(0)

    def host_pid(this, *rest):
        return float(os.getpid())

    realm.expose("hostExit", host_exit)
    realm.expose("hostSegfault", host_segfault)
    realm.expose("hostPid", host_pid)


def crasher_setup():
    """The setup callable, pickled by value so workers need not import this module."""
    import cloudpickle
    import sys
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    return install_crashers
