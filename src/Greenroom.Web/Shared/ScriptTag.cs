using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace Greenroom.Web.Shared;

/// <summary>
/// Script elements written from C#: Razor components reject literal <c>&lt;script&gt;</c> tags (they cannot be
/// updated in interactive modes; the portal renders statically, where they are fine).
/// </summary>
public static class ScriptTag
{
    /// <summary><c>&lt;script src="…" defer&gt;</c>, or <c>type="module"</c> (deferred by nature).</summary>
    public static MarkupString Source(string url, bool module = false) =>
        new($"<script{(module ? " type=\"module\"" : " defer")} src=\"{HtmlEncoder.Default.Encode(url)}\"></script>");

    /// <summary>A <c>&lt;script type="application/json" {attribute}&gt;</c> data block holding <paramref name="value"/> (see <see cref="ScriptJson"/>).</summary>
    public static MarkupString Json<T>(string attribute, T value) =>
        new($"<script type=\"application/json\" {HtmlEncoder.Default.Encode(attribute)}>{ScriptJson.Serialize(value)}</script>");
}
