// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultpoint.h"

#include <QtGlobal>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace driftdesk {

namespace {

std::atomic<long long> reached{0};

void printCount()
{
    std::fprintf(stderr, "driftdesk: %lld fault points reached\n", reached.load());
}

struct Settings
{
    long long killAt = 0;
    long long stopAt = 0;

    Settings()
    {
        killAt = qEnvironmentVariableIntValue("DRIFTDESK_KILL_AT_FAULT_POINT");
        stopAt = qEnvironmentVariableIntValue("DRIFTDESK_STOP_AT_FAULT_POINT");
        if (qEnvironmentVariableIsSet("DRIFTDESK_COUNT_FAULT_POINTS"))
            std::atexit(printCount);
    }
};

} // namespace

void faultPoint()
{
    static const Settings settings;
    const long long count = ++reached;
    if (settings.killAt > 0 && count == settings.killAt)
        std::raise(SIGKILL);
    if (settings.stopAt > 0 && count == settings.stopAt)
        std::raise(SIGSTOP);
}

} // namespace driftdesk
