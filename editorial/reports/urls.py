from django.urls import path

from editorial.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.reports, name="reports"),
    path("csv/<slug:key>/", views.chart_csv, name="csv"),
    path("me/", views.my_trend, name="me"),
    path("writers/<str:username>/", views.writer, name="writer"),
    path("writers/<str:username>/csv/", views.writer_csv, name="writer_csv"),
]
