using Greenroom.Catalog.Processing;

namespace Greenroom.Catalog.Tests.Processing;

public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Keeps_what_was_written_while_it_grows()
    {
        using var writer = new PooledBufferWriter(16);
        var expected = new List<byte>();
        for (var i = 0; i < 1000; i++)
        {
            var span = writer.GetSpan(3);
            span[0] = (byte)i;
            span[1] = (byte)(i >> 8);
            writer.Advance(2);
            expected.Add((byte)i);
            expected.Add((byte)(i >> 8));
        }

        Assert.Equal(expected, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Refuses_to_advance_past_its_buffer_and_is_empty_once_disposed()
    {
        var writer = new PooledBufferWriter(16);
        var length = writer.GetSpan().Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(length + 1));
        writer.Advance(4);
        writer.Dispose();

        Assert.Equal(0, writer.WrittenSpan.Length);
    }
}
