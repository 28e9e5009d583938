using Greenroom.Server.Hosting;

NativeHeapTuning.LimitArenas();

var builder = WebApplication.CreateBuilder(args);
builder.AddGreenroomServer();

var app = builder.Build();
app.MapGreenroomServer();
return app.RunGreenroom();

/// <summary>The host entry point, visible to functional tests.</summary>
public partial class Program;
