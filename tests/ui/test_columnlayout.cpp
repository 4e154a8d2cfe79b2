// ColumnLayout on its own: short columns keep their content's width, columns of words share the
// rest and never go under their least, a dragged column keeps its new width, and nothing loops.
#include "widgets/columnlayout.h"

#include <QApplication>
#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("ColumnLayout shares the room among the columns of words and gives way by scrolling")
{
    QStandardItemModel model(3, 4);
    QTableView view;
    view.setModel(&model);
    view.verticalHeader()->hide();
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QHeaderView* header = view.horizontalHeader();
    ColumnLayout columns(&view, header);
    columns.setFitted(0, 80, 60); // a date: 80 wanted, 60 at least
    columns.setShared(1, 100, 2);
    columns.setShared(2, 100, 1);
    columns.setFitted(3, 50);
    view.show();

    const auto widthFor = [&](int viewport) {
        view.resize(viewport + 2 * view.frameWidth(), 200);
        QApplication::processEvents();
        REQUIRE(view.viewport()->width() == viewport);
    };

    SECTION("plenty of room: fitted columns at their width, the rest shared 2:1")
    {
        widthFor(730);
        CHECK(header->sectionSize(0) == 80);
        CHECK(header->sectionSize(3) == 50);
        CHECK(header->sectionSize(1) == 400);
        CHECK(header->sectionSize(2) == 200);
    }
    SECTION("short of room: the fitted slack goes first, then the words stop at their least")
    {
        widthFor(320);
        CHECK(header->sectionSize(0) == 70); // 10 short: half of its slack of 20
        CHECK(header->sectionSize(1) == 100);
        CHECK(header->sectionSize(2) == 100);
        widthFor(200);
        CHECK(header->sectionSize(0) == 60);
        CHECK(header->sectionSize(1) == 100);
        CHECK(header->sectionSize(2) == 100);
        CHECK(header->length() > view.viewport()->width()); // it scrolls sideways instead
    }
    SECTION("a fitted column dragged wider keeps that width, and the words share what is left")
    {
        widthFor(730);
        header->resizeSection(3, 150); // as a drag does
        QApplication::processEvents();
        CHECK(header->sectionSize(3) == 150);
        CHECK(header->sectionSize(1) + header->sectionSize(2) == 730 - 80 - 150);
        widthFor(400); // then the window narrows: the dragged width stays, the date gives way
        CHECK(header->sectionSize(3) == 150);
        CHECK(header->sectionSize(0) == 60);
        CHECK(header->sectionSize(1) >= 100);
        CHECK(header->sectionSize(2) >= 100);
    }
}
