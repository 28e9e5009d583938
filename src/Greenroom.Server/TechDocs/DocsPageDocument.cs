using System.Net;
using System.Text;
using Greenroom.TechDocs.Sites;

namespace Greenroom.Server.TechDocs;

/// <summary>Wraps a stored page's sanitised body in a minimal HTML document, as a static mkdocs site would serve it.</summary>
internal static class DocsPageDocument
{
    public static string Render(string siteName, DocsPage page)
    {
        var builder = new StringBuilder(page.Html.Length + 256);
        builder.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(page.Title)).Append(" - ").Append(WebUtility.HtmlEncode(siteName))
            .Append("</title>\n</head>\n<body>\n<article class=\"md-content\" data-md-component=\"content\">\n")
            .Append(page.Html)
            .Append("</article>\n</body>\n</html>\n");
        return builder.ToString();
    }
}
