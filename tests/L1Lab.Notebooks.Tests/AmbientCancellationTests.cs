namespace L1Lab.Notebooks.Tests;

/// <summary>The ambient cancellation scope (L1Lab.Core) that the engine enters for every cell.</summary>
public sealed class AmbientCancellationTests
{
    [Fact]
    public void Enter_makes_the_token_current_until_the_scope_is_disposed_and_scopes_nest()
    {
        using var outer = new CancellationTokenSource();
        using var inner = new CancellationTokenSource();

        using (AmbientCancellation.Enter(outer.Token))
        {
            Assert.Equal(outer.Token, AmbientCancellation.Token);
            var scope = AmbientCancellation.Enter(inner.Token);
            Assert.Equal(inner.Token, AmbientCancellation.Token);
            scope.Dispose();
            Assert.Equal(outer.Token, AmbientCancellation.Token);
            scope.Dispose(); // a second dispose changes nothing
            Assert.Equal(outer.Token, AmbientCancellation.Token);
        }
        Assert.Equal(CancellationToken.None, AmbientCancellation.Token);
    }

    [Fact]
    public async Task A_cell_sees_its_own_token_and_the_caller_sees_none_after_it()
    {
        var session = new NotebookSession();
        using var cancel = new CancellationTokenSource();

        AppContext.SetData("l1lab-ambient-test-cancel", cancel);

        // When the cell listens on its ambient token and then cancels the caller's source
        var result = await session.ExecuteCellAsync("""
            L1Lab.AmbientCancellation.Token.Register(() => AppContext.SetData("l1lab-ambient-test-seen", true));
            ((CancellationTokenSource)AppContext.GetData("l1lab-ambient-test-cancel")!).Cancel();
            """, cancel.Token);

        // Then the ambient token followed the caller's cancellation (the callback ran), the cell ends cancelled,
        // and the caller sees no ambient token afterwards
        Assert.Equal(true, AppContext.GetData("l1lab-ambient-test-seen"));
        Assert.Equal(CellErrorKind.Cancelled, result.Error?.Kind);
        Assert.Equal(CancellationToken.None, AmbientCancellation.Token);
    }
}
