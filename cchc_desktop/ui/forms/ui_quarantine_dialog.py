# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'quarantine_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_QuarantineDialog(object):
    def setupUi(self, QuarantineDialog):
        if not QuarantineDialog.objectName():
            QuarantineDialog.setObjectName(u"QuarantineDialog")
        QuarantineDialog.resize(1100, 560)
        self.main_layout = QVBoxLayout(QuarantineDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(QuarantineDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.table_view = QTableView(QuarantineDialog)
        self.table_view.setObjectName(u"table_view")
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setSortingEnabled(True)
        self.table_view.setWordWrap(False)

        self.main_layout.addWidget(self.table_view)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.count_label = QLabel(QuarantineDialog)
        self.count_label.setObjectName(u"count_label")

        self.buttons_layout.addWidget(self.count_label)

        self.buttons_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.copy_button = QPushButton(QuarantineDialog)
        self.copy_button.setObjectName(u"copy_button")

        self.buttons_layout.addWidget(self.copy_button)

        self.button_box = QDialogButtonBox(QuarantineDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttons_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.buttons_layout)

        QWidget.setTabOrder(self.table_view, self.copy_button)

        self.retranslateUi(QuarantineDialog)
    # setupUi

    def retranslateUi(self, QuarantineDialog):
        QuarantineDialog.setWindowTitle(QCoreApplication.translate("QuarantineDialog", u"Thay \u0111\u1ed5i b\u1ecb gi\u1eef l\u1ea1i", None))
        self.intro_label.setText(QCoreApplication.translate("QuarantineDialog", u"C\u00e1c thay \u0111\u1ed5i d\u01b0\u1edbi \u0111\u00e2y \u0111\u1ebfn t\u1eeb g\u00f3i d\u1eef li\u1ec7u nh\u01b0ng kh\u00f4ng \u0111\u01b0\u1ee3c \u00e1p d\u1ee5ng: m\u00e1y g\u1eedi kh\u00f4ng c\u00f3 quy\u1ec1n s\u1eeda th\u00f4ng tin \u0111\u00f3 (m\u1ed7i th\u00f4ng tin c\u00f3 m\u1ed9t c\u01a1 quan ch\u1ecbu tr\u00e1ch nhi\u1ec7m), m\u00e1y \u0111\u00e3 b\u1ecb thu h\u1ed3i, gi\u00e1 tr\u1ecb kh\u00f4ng h\u1ee3p l\u1ec7, ho\u1eb7c hai m\u00e1y d\u00f9ng chung m\u1ed9t m\u00e3 m\u00e1y. Ch\u00fang \u0111\u01b0\u1ee3c gi\u1eef l\u1ea1i \u0111\u1ec3 tham kh\u1ea3o; kh\u00f4ng c\u00f3 g\u00ec b\u1ecb xo\u00e1.", None))
        self.count_label.setText("")
#if QT_CONFIG(tooltip)
        self.copy_button.setToolTip(QCoreApplication.translate("QuarantineDialog", u"Ch\u00e9p c\u00e1c d\u00f2ng \u0111ang ch\u1ecdn (ho\u1eb7c t\u1ea5t c\u1ea3) \u0111\u1ec3 g\u1eedi cho b\u1ed9 ph\u1eadn h\u1ed7 tr\u1ee3", None))
#endif // QT_CONFIG(tooltip)
        self.copy_button.setText(QCoreApplication.translate("QuarantineDialog", u"&Sao ch\u00e9p chi ti\u1ebft", None))
    # retranslateUi

