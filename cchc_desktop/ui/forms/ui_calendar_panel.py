# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QSplitter, QToolButton,
    QTreeView, QVBoxLayout, QWidget)

class Ui_CalendarPanel(object):
    def setupUi(self, CalendarPanel):
        if not CalendarPanel.objectName():
            CalendarPanel.setObjectName(u"CalendarPanel")
        CalendarPanel.resize(1100, 640)
        self.main_layout = QVBoxLayout(CalendarPanel)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(6, 6, 6, 6)
        self.nav_layout = QHBoxLayout()
        self.nav_layout.setObjectName(u"nav_layout")
        self.prev_button = QToolButton(CalendarPanel)
        self.prev_button.setObjectName(u"prev_button")
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)

        self.nav_layout.addWidget(self.prev_button)

        self.month_label = QLabel(CalendarPanel)
        self.month_label.setObjectName(u"month_label")
        self.month_label.setMinimumSize(QSize(170, 0))
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.nav_layout.addWidget(self.month_label)

        self.next_button = QToolButton(CalendarPanel)
        self.next_button.setObjectName(u"next_button")
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)

        self.nav_layout.addWidget(self.next_button)

        self.today_button = QPushButton(CalendarPanel)
        self.today_button.setObjectName(u"today_button")

        self.nav_layout.addWidget(self.today_button)

        self.nav_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nav_layout.addItem(self.nav_spacer)

        self.year_caption = QLabel(CalendarPanel)
        self.year_caption.setObjectName(u"year_caption")

        self.nav_layout.addWidget(self.year_caption)

        self.year_spin = QSpinBox(CalendarPanel)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.nav_layout.addWidget(self.year_spin)

        self.period_caption = QLabel(CalendarPanel)
        self.period_caption.setObjectName(u"period_caption")

        self.nav_layout.addWidget(self.period_caption)

        self.period_combo = QComboBox(CalendarPanel)
        self.period_combo.setObjectName(u"period_combo")
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.nav_layout.addWidget(self.period_combo)


        self.main_layout.addLayout(self.nav_layout)

        self.splitter = QSplitter(CalendarPanel)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.left_pane = QWidget(self.splitter)
        self.left_pane.setObjectName(u"left_pane")
        self.left_layout = QVBoxLayout(self.left_pane)
        self.left_layout.setObjectName(u"left_layout")
        self.left_layout.setContentsMargins(0, 0, 0, 0)
        self.calendar_container = QWidget(self.left_pane)
        self.calendar_container.setObjectName(u"calendar_container")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.calendar_container.sizePolicy().hasHeightForWidth())
        self.calendar_container.setSizePolicy(sizePolicy)
        self.calendar_container.setMinimumSize(QSize(0, 240))
        self.calendar_layout = QVBoxLayout(self.calendar_container)
        self.calendar_layout.setObjectName(u"calendar_layout")
        self.calendar_layout.setContentsMargins(0, 0, 0, 0)

        self.left_layout.addWidget(self.calendar_container)

        self.summary_label = QLabel(self.left_pane)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.left_layout.addWidget(self.summary_label)

        self.legend_container = QWidget(self.left_pane)
        self.legend_container.setObjectName(u"legend_container")
        self.legend_layout = QVBoxLayout(self.legend_container)
        self.legend_layout.setObjectName(u"legend_layout")
        self.legend_layout.setContentsMargins(0, 0, 0, 0)

        self.left_layout.addWidget(self.legend_container)

        self.splitter.addWidget(self.left_pane)
        self.list_splitter = QSplitter(self.splitter)
        self.list_splitter.setObjectName(u"list_splitter")
        self.list_splitter.setOrientation(Qt.Orientation.Vertical)
        self.list_splitter.setChildrenCollapsible(False)
        self.agenda_pane = QWidget(self.list_splitter)
        self.agenda_pane.setObjectName(u"agenda_pane")
        self.agenda_layout = QVBoxLayout(self.agenda_pane)
        self.agenda_layout.setObjectName(u"agenda_layout")
        self.agenda_layout.setContentsMargins(0, 0, 0, 0)
        self.agenda_header = QHBoxLayout()
        self.agenda_header.setObjectName(u"agenda_header")
        self.agenda_label = QLabel(self.agenda_pane)
        self.agenda_label.setObjectName(u"agenda_label")
        self.agenda_label.setWordWrap(True)

        self.agenda_header.addWidget(self.agenda_label)

        self.agenda_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.agenda_header.addItem(self.agenda_spacer)

        self.horizon_caption = QLabel(self.agenda_pane)
        self.horizon_caption.setObjectName(u"horizon_caption")

        self.agenda_header.addWidget(self.horizon_caption)

        self.horizon_combo = QComboBox(self.agenda_pane)
        self.horizon_combo.setObjectName(u"horizon_combo")
        self.horizon_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.agenda_header.addWidget(self.horizon_combo)


        self.agenda_layout.addLayout(self.agenda_header)

        self.agenda_view = QTreeView(self.agenda_pane)
        self.agenda_view.setObjectName(u"agenda_view")
        self.agenda_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda_view.setAlternatingRowColors(True)
        self.agenda_view.setUniformRowHeights(True)
        self.agenda_view.setAllColumnsShowFocus(True)

        self.agenda_layout.addWidget(self.agenda_view)

        self.list_splitter.addWidget(self.agenda_pane)
        self.list_pane = QWidget(self.list_splitter)
        self.list_pane.setObjectName(u"list_pane")
        self.list_layout = QVBoxLayout(self.list_pane)
        self.list_layout.setObjectName(u"list_layout")
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_label = QLabel(self.list_pane)
        self.list_label.setObjectName(u"list_label")
        self.list_label.setWordWrap(True)

        self.list_layout.addWidget(self.list_label)

        self.list_view = QTreeView(self.list_pane)
        self.list_view.setObjectName(u"list_view")
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setRootIsDecorated(False)
        self.list_view.setUniformRowHeights(True)
        self.list_view.setItemsExpandable(False)
        self.list_view.setSortingEnabled(True)
        self.list_view.setAllColumnsShowFocus(True)

        self.list_layout.addWidget(self.list_view)

        self.hint_label = QLabel(self.list_pane)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.list_layout.addWidget(self.hint_label)

        self.list_splitter.addWidget(self.list_pane)
        self.splitter.addWidget(self.list_splitter)

        self.main_layout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.year_caption.setBuddy(self.year_spin)
        self.period_caption.setBuddy(self.period_combo)
        self.horizon_caption.setBuddy(self.horizon_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.prev_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.today_button)
        QWidget.setTabOrder(self.today_button, self.year_spin)
        QWidget.setTabOrder(self.year_spin, self.period_combo)
        QWidget.setTabOrder(self.period_combo, self.horizon_combo)
        QWidget.setTabOrder(self.horizon_combo, self.agenda_view)
        QWidget.setTabOrder(self.agenda_view, self.list_view)

        self.retranslateUi(CalendarPanel)
    # setupUi

    def retranslateUi(self, CalendarPanel):
        CalendarPanel.setWindowTitle(QCoreApplication.translate("CalendarPanel", u"L\u1ecbch th\u1eddi h\u1ea1n", None))
#if QT_CONFIG(tooltip)
        self.prev_button.setToolTip(QCoreApplication.translate("CalendarPanel", u"Th\u00e1ng tr\u01b0\u1edbc (Page Up)", None))
#endif // QT_CONFIG(tooltip)
        self.month_label.setText("")
#if QT_CONFIG(tooltip)
        self.next_button.setToolTip(QCoreApplication.translate("CalendarPanel", u"Th\u00e1ng sau (Page Down)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.today_button.setToolTip(QCoreApplication.translate("CalendarPanel", u"V\u1ec1 th\u00e1ng hi\u1ec7n t\u1ea1i v\u00e0 ch\u1ecdn ng\u00e0y h\u00f4m nay", None))
#endif // QT_CONFIG(tooltip)
        self.today_button.setText(QCoreApplication.translate("CalendarPanel", u"H\u00f4m nay", None))
        self.year_caption.setText(QCoreApplication.translate("CalendarPanel", u"&N\u0103m:", None))
        self.period_caption.setText(QCoreApplication.translate("CalendarPanel", u"&K\u1ef3:", None))
#if QT_CONFIG(tooltip)
        self.period_combo.setToolTip(QCoreApplication.translate("CalendarPanel", u"Li\u1ec7t k\u00ea c\u00e1c m\u1ed1c c\u1ee7a th\u00e1ng \u0111ang xem ho\u1eb7c c\u1ee7a m\u1ed9t k\u1ef3 b\u00e1o c\u00e1o", None))
#endif // QT_CONFIG(tooltip)
        self.summary_label.setText("")
        self.agenda_label.setText(QCoreApplication.translate("CalendarPanel", u"<b>Vi\u1ec7c c\u1ea7n theo d\u00f5i</b>", None))
        self.horizon_caption.setText(QCoreApplication.translate("CalendarPanel", u"&S\u1eafp \u0111\u1ebfn h\u1ea1n trong:", None))
        self.list_label.setText(QCoreApplication.translate("CalendarPanel", u"<b>C\u00e1c m\u1ed1c</b>", None))
        self.hint_label.setText(QCoreApplication.translate("CalendarPanel", u"Nh\u1ea5p \u0111\u00fap v\u00e0o m\u1ed9t m\u1ed1c \u0111\u1ec3 m\u1edf nhi\u1ec7m v\u1ee5 trong c\u00e2y k\u1ebf ho\u1ea1ch.", None))
    # retranslateUi

