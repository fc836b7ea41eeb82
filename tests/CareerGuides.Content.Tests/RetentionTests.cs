using System.Runtime.CompilerServices;
using CareerGuides.Content.Loading;

namespace CareerGuides.Content.Tests;

/// <summary>A snapshot reuses work from the one before it, but must not keep older snapshots alive.</summary>
public sealed class RetentionTests : LoaderTestBase
{
    [Fact]
    public void A_snapshot_three_rebuilds_old_can_be_collected()
    {
        var builder = new ContentBuilder(Content.Root, TimeProvider.System, includeUnpublished: false);
        var first = BuildAndForget(builder, 0);
        for (var i = 1; i <= 3; i++)
        {
            BuildAndForget(builder, i);
        }

        for (var i = 0; i < 5 && IsAlive(first); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(IsAlive(first), "A snapshot three rebuilds old is still reachable.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference<ContentSnapshot> BuildAndForget(ContentBuilder builder, int edit)
    {
        WriteGuide(t => t.Replace("summary: ", $"summary: Edit {edit}. ", StringComparison.Ordinal));
        var snapshot = builder.Build(["guides/data-scientist-to-backend-developer.md"]).Snapshot;
        _ = snapshot.Search.Count;
        return new WeakReference<ContentSnapshot>(snapshot);
    }

    /// <summary>Asks in a frame of its own: a target fetched here is not kept alive on the caller's stack.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsAlive(WeakReference<ContentSnapshot> reference) => reference.TryGetTarget(out _);
}
