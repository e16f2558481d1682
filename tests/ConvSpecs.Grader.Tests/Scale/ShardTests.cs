using ConvSpecs.Grader.Scale;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests.Scale;

public sealed class ShardTests
{
    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/3", 2, 3)]
    public void AShardIsKOfN(string text, int index, int count)
    {
        Shard.Parse(text).Should().Be(new Shard(index, count));
        Shard.Parse(text).ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("-1/3")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("1/2/3")]
    public void AnythingElseIsRefused(string text)
    {
        var parse = () => Shard.Parse(text);
        parse.Should().Throw<ArgumentException>().WithMessage("*K/N*");
    }

    [Fact]
    public void EveryStudentIsInExactlyOneShardWhoeverElseSubmitted()
    {
        var names = Enumerable.Range(0, 600).Select(index => $"student{index}").ToList();
        var shards = Enumerable.Range(0, 10).Select(index => new Shard(index, 10)).ToList();

        var before = names.ToDictionary(name => name, name => shards.Single(shard => shard.Contains(name)).Index);
        // a late submission, named to sort first, moves nobody
        names.Insert(0, "aaa-late");

        names.Skip(1).Should().OnlyContain(name => shards.Single(shard => shard.Contains(name)).Index == before[name]);
        // by chance, not by construction: 60 ± 7 each (binomial); the bounds hold for these names and fail on a broken hash
        before.Values.GroupBy(index => index).Should().HaveCount(10).And.OnlyContain(group => group.Count() > 35 && group.Count() < 85);
    }
}
