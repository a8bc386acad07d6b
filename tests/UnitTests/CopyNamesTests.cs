using Shared.Text;

namespace UnitTests;

/// <summary>A copy of a shared template or profile gets a name the user does not have yet, cut so the suffix fits.</summary>
public sealed class CopyNamesTests
{
    [Fact]
    public void The_first_copy_is_called_copy_and_later_ones_are_numbered()
    {
        CopyNames.For("Agency data team", 185, []).ShouldBe("Agency data team (copy)");
        CopyNames.For("Agency data team", 185, ["Agency data team (copy)", "Agency data team (copy 2)"]).ShouldBe("Agency data team (copy 3)");
    }

    [Fact]
    public void A_long_name_is_cut_before_the_suffix()
    {
        CopyNames.For(new string('a', 100), 90, []).ShouldBe(new string('a', 90) + " (copy)");
    }

    [Fact]
    public void Names_are_compared_exactly()
    {
        CopyNames.For("Pitch", 90, ["pitch (copy)"]).ShouldBe("Pitch (copy)");
    }
}
