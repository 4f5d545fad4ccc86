namespace SystemOfSupport.Core.Tests;

/// <summary>Work side by side, results and errors as a loop would give them, whatever order the work is started in.</summary>
public class InOrderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Results_keep_the_items_order(bool costliestFirst)
    {
        var items = Enumerable.Range(0, 200).ToList();
        var results = InOrder.Map(items, i => i * 2, cost: costliestFirst ? i => i % 7 : null);
        results.ShouldBe(items.Select(i => i * 2));
    }

    [Fact]
    public void The_first_failure_in_item_order_is_thrown_even_when_started_last()
    {
        // Item 3 is the cheapest, so it is started after the others; still, it comes first in order and its error is thrown.
        var items = Enumerable.Range(0, 10).ToList();
        var ex = Should.Throw<InvalidOperationException>(() => InOrder.Map(
            items,
            i => i is 3 or 8 ? throw new InvalidOperationException($"item {i}") : i,
            cost: i => i == 3 ? 0 : 100 + i));
        ex.Message.ShouldBe("item 3");
    }

    [Fact]
    public void Progress_counts_up_one_call_at_a_time()
    {
        var counts = new List<int>();
        InOrder.Map(Enumerable.Range(0, 50).ToList(), i => i, done => counts.Add(done), cost: i => -i);
        counts.ShouldBe(counts.Order());
        counts[^1].ShouldBe(50);
    }
}
